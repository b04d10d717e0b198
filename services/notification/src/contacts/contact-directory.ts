import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactDetailsRecordedV1, MessageLanguage } from '@openday/contracts';
import type { FieldCipher } from '@openday/platform';
import { PERSONAL_DATA_CIPHER } from './personal-data.provider';

/** How to reach one person: decrypted, in memory only. */
export interface Contact {
  personId: string;
  openDayId: string;
  applicantUserId: string;
  name: string;
  mobile: string;
  email: string | null;
  language: MessageLanguage;
}

/** A contact as stored: name, mobile and e-mail are ciphertext. */
type ContactRow = Contact;

const COLUMNS = `person_id AS "personId", open_day_id AS "openDayId", applicant_user_id AS "applicantUserId", name, mobile, email, language`;

/** The contact directory per person; name, mobile and e-mail are encrypted at rest (each bound to its column). */
@Injectable()
export class ContactDirectory {
  /** The people each open transaction holds the lock of (a transaction has its own manager), so it asks once. */
  private readonly held = new WeakMap<EntityManager, Set<string>>();

  constructor(@Inject(PERSONAL_DATA_CIPHER) private readonly cipher: FieldCipher) {}

  /**
   * Serialises, per person, recording contact details against dispatching a message to them
   * (both take this lock first): otherwise a message could find no contact while the contact
   * finds no waiting message, each transaction blind to the other's uncommitted row.
   */
  async lockPerson(manager: EntityManager, personId: string): Promise<void> {
    await this.lockPeople(manager, [personId]);
  }

  /**
   * The locks of a batch's people at once, in one order for every transaction, so two batches
   * (of different consumers or replicas) never wait for each other in a circle.
   */
  async lockPeople(manager: EntityManager, personIds: readonly string[]): Promise<void> {
    const held = this.held.get(manager) ?? new Set<string>();
    this.held.set(manager, held);
    const wanted = [...new Set(personIds)].filter((id) => !held.has(id)).sort();
    if (wanted.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('notification-contact:' || person_id, 0))
         FROM unnest($1::text[]) WITH ORDINALITY AS wanted(person_id, position) ORDER BY position`,
      [wanted],
    );
    for (const id of wanted) held.add(id);
  }

  /**
   * Stores or replaces the person's contact details (the latest recording wins): the contact
   * as now stored, or undefined when a later recording was stored already.
   */
  async record(manager: EntityManager, data: ContactDetailsRecordedV1): Promise<Contact | undefined> {
    await this.lockPerson(manager, data.personId);
    const stored = (await manager.query(
      `INSERT INTO notification_contacts (person_id, application_id, open_day_id, applicant_user_id, name, mobile, email, language, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_id) DO UPDATE SET application_id = $2, open_day_id = $3, applicant_user_id = $4, name = $5, mobile = $6,
         email = $7, language = $8, recorded_at = $9
       WHERE notification_contacts.recorded_at <= $9
       RETURNING person_id`,
      [
        data.personId,
        data.applicationId,
        data.openDayId,
        data.applicantUserId,
        this.cipher.encrypt(data.name, 'name'),
        this.cipher.encrypt(data.mobile, 'mobile'),
        data.email === null ? null : this.cipher.encrypt(data.email, 'email'),
        data.language,
        data.recordedAt,
      ],
    )) as unknown[];
    if (stored.length === 0) return undefined;
    const { personId, openDayId, applicantUserId, name, mobile, email, language } = data;
    return { personId, openDayId, applicantUserId, name, mobile, email, language };
  }

  async find(manager: EntityManager, personId: string): Promise<Contact | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM notification_contacts WHERE person_id = $1`, [personId])) as ContactRow[];
    return row && this.decrypt(row);
  }

  /** Everyone who applied for the open day (one row per person). */
  async ofOpenDay(manager: EntityManager, openDayId: string): Promise<Contact[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM notification_contacts WHERE open_day_id = $1 ORDER BY person_id`, [openDayId])) as ContactRow[];
    return rows.map((row) => this.decrypt(row));
  }

  private decrypt(row: ContactRow): Contact {
    return {
      ...row,
      name: this.cipher.decrypt(row.name, 'name'),
      mobile: this.cipher.decrypt(row.mobile, 'mobile'),
      email: row.email === null ? null : this.cipher.decrypt(row.email, 'email'),
    };
  }
}
