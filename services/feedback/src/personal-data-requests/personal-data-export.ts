import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataRequest, PersonalDataRpcOperations, type PersonalDataExport } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';

/**
 * What feedback holds about a citizen: the opinions they gave or staff recorded for
 * them, with the department's answer and their rating, and their survey answers.
 * Staff ids are left out.
 */
@Controller()
export class FeedbackPersonalDataExportRpc {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(rpcPattern('feedback', PersonalDataRpcOperations.export))
  async export(@Payload() request: PersonalDataRequest): Promise<PersonalDataExport> {
    const tickets = `SELECT ticket_id FROM fb_tickets WHERE applicant_user_id = $1`;
    const items: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'feedback' AS kind, id AS "feedbackId", open_day_id AS "openDayId", agency_id AS "agencyId", ticket_id AS "ticketId", person_id AS "personId",
              source, topic, text, attachment, submitted_at AS "submittedAt", status, department_id AS "departmentId", due_date::text AS "dueDate",
              outcome, answer, promised_by::text AS "promisedBy", passed_to AS "passedTo", answered_at AS "answeredAt", rating, rated_at AS "ratedAt"
         FROM fb_items WHERE applicant_user_id = $1 OR ticket_id IN (${tickets}) ORDER BY submitted_at`,
      [request.accountId],
    );
    const surveys: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'survey-response' AS kind, id AS "responseId", open_day_id AS "openDayId", ticket_id AS "ticketId", overall, answers, answered_at AS "answeredAt"
         FROM fb_survey_responses WHERE ticket_id IN (${tickets}) ORDER BY answered_at`,
      [request.accountId],
    );
    return { service: 'feedback', records: [...items, ...surveys] };
  }
}

@Module({ controllers: [FeedbackPersonalDataExportRpc] })
export class PersonalDataExportModule {}
