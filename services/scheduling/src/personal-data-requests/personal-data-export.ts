import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataRequest, PersonalDataRpcOperations, type PersonalDataExport } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';

/**
 * What scheduling holds about a citizen: the people of their applications it admits
 * (masked) and their tickets with the check-in record. Staff ids are left out.
 */
@Controller()
export class SchedulingPersonalDataExportRpc {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(rpcPattern('scheduling', PersonalDataRpcOperations.export))
  async export(@Payload() request: PersonalDataRequest): Promise<PersonalDataExport> {
    const people: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'admission' AS kind, person_id AS "personId", application_id AS "applicationId", open_day_id AS "openDayId", session_id AS "sessionId",
              masked_name AS "maskedName", masked_id_number AS "maskedIdNumber", selected_at AS "selectedAt", promoted
         FROM admission_people WHERE applicant_user_id = $1 OR application_id = ANY($2::uuid[]) ORDER BY selected_at NULLS LAST`,
      [request.accountId, request.applicationIds],
    );
    const tickets: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'ticket' AS kind, id AS "ticketId", person_id AS "personId", application_id AS "applicationId", open_day_id AS "openDayId",
              session_id AS "sessionId", agency_id AS "agencyId", masked_name AS "maskedName", masked_id_number AS "maskedIdNumber",
              check_in_code AS "checkInCode", promoted, status, issued_at AS "issuedAt", checked_in_at AS "checkedInAt",
              check_in_method AS "checkInMethod", revoked_at AS "revokedAt", revocation_reason AS "revocationReason",
              revocation_note AS "revocationNote", no_show_at AS "noShowAt"
         FROM tickets WHERE applicant_user_id = $1 OR application_id = ANY($2::uuid[]) ORDER BY seq`,
      [request.accountId, request.applicationIds],
    );
    return { service: 'scheduling', records: [...people, ...tickets] };
  }
}

@Module({ controllers: [SchedulingPersonalDataExportRpc] })
export class PersonalDataExportModule {}
