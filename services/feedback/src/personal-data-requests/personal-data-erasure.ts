import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PersonalDataRequest, PersonalDataErasure } from '@openday/contracts';
import { splitErasure, toCalendarDate } from '@openday/domain';
import { Clock, PersonalDataErasureModule as PlatformErasureModule, type PersonalDataEraser } from '@openday/platform';
import { eraseTicketLinks, OPEN_DAY_LAST_DATE } from '../retention/ticket-link-erasure';

/**
 * A citizen's erasure request: their tickets and opinions are unlinked from the account as retention
 * would, except those of an open day in progress. Feedback knows tickets, not applications, so it
 * names nothing kept: the application of an open day in progress is the one registration keeps.
 */
@Injectable()
export class FeedbackPersonalDataEraser implements PersonalDataEraser {
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

export const PersonalDataErasureModule = PlatformErasureModule.answering('feedback', FeedbackPersonalDataEraser, 'FEEDBACK_TEST_NOW');
