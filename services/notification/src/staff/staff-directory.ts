import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffContactRecordedV1 } from '@openday/contracts';
import type { FieldCipher } from '@openday/platform';
import { PERSONAL_DATA_CIPHER } from '../contacts/personal-data.provider';
import type { StaffAudience } from './staff-audiences';

/** A staff account that can be e-mailed: the address decrypted, in memory only. */
export interface StaffMailbox {
  accountId: string;
  email: string;
}

/** The staff accounts the gateway told us about; e-mail addresses encrypted at rest (bound to their column). */
@Injectable()
export class StaffDirectory {
  constructor(@Inject(PERSONAL_DATA_CIPHER) private readonly cipher: FieldCipher) {}

  /** Stores or replaces the account (the latest recording wins, whatever order the events arrive in). */
  async record(manager: EntityManager, data: StaffContactRecordedV1): Promise<void> {
    await manager.query(
      `INSERT INTO notification_staff (account_id, agency_id, role, email, disabled, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id) DO UPDATE SET agency_id = $2, role = $3, email = $4, disabled = $5, recorded_at = $6
       WHERE notification_staff.recorded_at <= $6`,
      [data.accountId, data.agencyId, data.role, data.email === null ? null : this.cipher.encrypt(data.email, 'staffEmail'), data.disabled, data.recordedAt],
    );
  }

  /** The audience's enabled accounts that have an e-mail address, by account id. */
  async mailboxesOf(manager: EntityManager, audience: StaffAudience): Promise<StaffMailbox[]> {
    const rows = (await manager.query(
      `SELECT account_id AS "accountId", email FROM notification_staff
        WHERE agency_id = $1 AND role = ANY($2) AND email IS NOT NULL AND NOT disabled ORDER BY account_id`,
      [audience.agencyId, [...audience.roles]],
    )) as StaffMailbox[];
    return rows.map((row) => ({ accountId: row.accountId, email: this.cipher.decrypt(row.email, 'staffEmail') }));
  }
}
