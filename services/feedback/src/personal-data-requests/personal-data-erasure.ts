import { Controller, Injectable, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataRequest, PersonalDataRpcOperations, type PersonalDataErasure } from '@openday/contracts';
import { splitErasure, toCalendarDate } from '@openday/domain';
import { Clock, ClockModule, rpcPattern } from '@openday/platform';
import { eraseTicketLinks, OPEN_DAY_LAST_DATE } from '../retention/ticket-link-erasure';

/**
 * A citizen's erasure request: their tickets and opinions are unlinked from the account as retention
 * would, except those of an open day in progress. Feedback knows tickets, not applications, so it
 * names nothing kept: the application of an open day in progress is the one registration keeps.
 */
@Injectable()
export class FeedbackPersonalDataEraser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  erase(request: PersonalDataRequest): Promise<PersonalDataErasure> {
    return this.dataSource.transaction(async (manager) => {
      const tickets: Array<{ ticketId: string; lastDate: string | null }> = await manager.query(
        `SELECT t.ticket_id AS "ticketId", ${OPEN_DAY_LAST_DATE}::text AS "lastDate"
           FROM fb_tickets t
          WHERE t.applicant_user_id = $1 OR t.ticket_id IN (SELECT ticket_id FROM fb_items WHERE applicant_user_id = $1)`,
        [request.accountId],
      );
      const { erase } = splitErasure(
        // An open day whose dates feedback never learnt has no day ahead to wait for.
        tickets.map((t) => ({ applicationId: t.ticketId, lastDate: toCalendarDate(t.lastDate ?? '1970-01-01') })),
        this.clock.now(),
      );
      return { service: 'feedback', erased: await eraseTicketLinks(manager, erase, this.clock.now()), kept: [] };
    });
  }
}

@Controller()
export class FeedbackPersonalDataErasureRpc {
  constructor(private readonly eraser: FeedbackPersonalDataEraser) {}

  @MessagePattern(rpcPattern('feedback', PersonalDataRpcOperations.erase))
  erase(@Payload() request: PersonalDataRequest): Promise<PersonalDataErasure> {
    return this.eraser.erase(request);
  }
}

@Module({ imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW')], controllers: [FeedbackPersonalDataErasureRpc], providers: [FeedbackPersonalDataEraser] })
export class PersonalDataErasureModule {}
