import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataRequest, PersonalDataRpcOperations, type PersonalDataExport } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';

/**
 * What vetting holds about a citizen's applications: each person as screened and
 * decided (masked, as vetting keeps them), the joint-review signatures on them,
 * withdrawals, and no-shows recorded against their person keys. Staff ids are left out.
 */
@Controller()
export class VettingPersonalDataExportRpc {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(rpcPattern('vetting', PersonalDataRpcOperations.export))
  async export(@Payload() request: PersonalDataRequest): Promise<PersonalDataExport> {
    const applicants: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'applicant' AS kind, person_id AS "personId", application_id AS "applicationId", open_day_id AS "openDayId", session_id AS "sessionId",
              masked_name AS "maskedName", masked_id_number AS "maskedIdNumber", birth_date::text AS "birthDate", category, district,
              submitted_at AS "submittedAt", status, awaiting_joint_review AS "awaitingJointReview", reason_code AS "reasonCode", reasons,
              waitlist_position AS "waitlistPosition", promotion, note, decided_at AS "decidedAt", answer_due_date::text AS "answerDueDate"
         FROM vetting_applicants WHERE application_id = ANY($1::uuid[]) ORDER BY arrival_order`,
      [request.applicationIds],
    );
    const signatures: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'joint-review-signature' AS kind, s.person_id AS "personId", s.department, s.decision, s.reason, s.decided_at AS "decidedAt"
         FROM joint_review_signatures s JOIN vetting_applicants a ON a.person_id = s.person_id
        WHERE a.application_id = ANY($1::uuid[]) ORDER BY s.decided_at`,
      [request.applicationIds],
    );
    const withdrawals: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'withdrawal' AS kind, application_id AS "applicationId", open_day_id AS "openDayId", withdrawn_at AS "withdrawnAt"
         FROM vetting_withdrawals WHERE application_id = ANY($1::uuid[]) ORDER BY withdrawn_at`,
      [request.applicationIds],
    );
    const noShows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'no-show' AS kind, open_day_id AS "openDayId", event_date::text AS "eventDate", recorded_at AS "recordedAt"
         FROM no_show_register WHERE person_key = ANY($1::text[]) ORDER BY event_date`,
      [request.personKeys],
    );
    return { service: 'vetting', records: [...applicants, ...signatures, ...withdrawals, ...noShows] };
  }
}

@Module({ controllers: [VettingPersonalDataExportRpc] })
export class PersonalDataExportModule {}
