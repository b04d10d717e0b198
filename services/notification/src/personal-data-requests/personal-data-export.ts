import { Controller, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataRequest, PersonalDataRpcOperations, type PersonalDataExport } from '@openday/contracts';
import { rpcPattern, type FieldCipher } from '@openday/platform';
import { PERSONAL_DATA_CIPHER, personalDataCipherProviders } from '../contacts/personal-data.provider';

interface ContactRow {
  personId: string;
  applicationId: string;
  openDayId: string;
  name: string;
  mobile: string;
  email: string | null;
  language: string;
  recordedAt: Date;
}

interface DeliveryRow {
  deliveryId: string;
  personId: string;
  template: string;
  channel: string;
  address: string | null;
  status: string;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What notification holds about a citizen: the contact details of the people in their
 * applications (decrypted), where each stands, every message sent to them (channel,
 * address, status) and their in-app inbox.
 */
@Controller()
export class NotificationPersonalDataExportRpc {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  @MessagePattern(rpcPattern('notification', PersonalDataRpcOperations.export))
  async export(@Payload() request: PersonalDataRequest): Promise<PersonalDataExport> {
    const params = [request.accountId, request.applicationIds];
    const mine = `applicant_user_id = $1 OR application_id = ANY($2::uuid[])`;
    const contacts: ContactRow[] = await this.dataSource.query(
      `SELECT person_id AS "personId", application_id AS "applicationId", open_day_id AS "openDayId", name, mobile, email, language, recorded_at AS "recordedAt"
         FROM notification_contacts WHERE ${mine} ORDER BY recorded_at`,
      params,
    );
    const standings: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'standing' AS kind, application_id AS "applicationId", person_id AS "personId", open_day_id AS "openDayId", session_id AS "sessionId",
              standing, promotion_cause AS "promotionCause", decided_at AS "decidedAt"
         FROM notification_applicants WHERE application_id = ANY($1::uuid[]) ORDER BY decided_at`,
      [request.applicationIds],
    );
    const personIds = [...new Set([...contacts.map((c) => c.personId), ...standings.map((s) => s.personId as string)])];
    const deliveries: DeliveryRow[] = await this.dataSource.query(
      `SELECT id AS "deliveryId", recipient_id AS "personId", template, channel, address, status, attempts, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM notification_deliveries WHERE recipient_kind = 'person' AND recipient_id = ANY($1::text[]) ORDER BY created_at`,
      [personIds],
    );
    const inbox: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT 'inbox-message' AS kind, id AS "messageId", template, title, body, received_at AS "receivedAt", read_at AS "readAt"
         FROM notification_inbox WHERE owner_kind = 'user' AND owner_id = $1 ORDER BY received_at`,
      [request.accountId],
    );
    return {
      service: 'notification',
      records: [
        ...contacts.map((contact) => ({
          kind: 'contact',
          ...contact,
          name: this.cipher.decrypt(contact.name, 'name'),
          mobile: this.cipher.decrypt(contact.mobile, 'mobile'),
          email: contact.email === null ? null : this.cipher.decrypt(contact.email, 'email'),
        })),
        ...standings,
        ...deliveries.map((delivery) => ({ kind: 'delivery', ...delivery, address: delivery.address === null ? null : this.cipher.decrypt(delivery.address, 'address') })),
        ...inbox,
      ],
    };
  }
}

@Module({ controllers: [NotificationPersonalDataExportRpc], providers: [...personalDataCipherProviders] })
export class PersonalDataExportModule {}
