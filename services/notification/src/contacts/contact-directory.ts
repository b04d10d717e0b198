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
    const [stored] = await this.recordAll(manager, [data]);
    return stored;
  }

  /**
   * Stores a batch of recordings in one statement, each person's latest winning (a later one in
   * the batch, or one stored already): the contacts as now stored.
   */
  async recordAll(manager: EntityManager, recordings: readonly ContactDetailsRecordedV1[]): Promise<Contact[]> {
    // Keyed as PostgreSQL writes a uuid back (lower case).
    const latest = new Map<string, ContactDetailsRecordedV1>();
    for (const recording of recordings) {
      const key = recording.personId.toLowerCase();
      const before = latest.get(key);
      if (!before || Date.parse(before.recordedAt) <= Date.parse(recording.recordedAt)) latest.set(key, recording);
    }
    const batch = [...latest.values()];
    if (batch.length === 0) return [];
    await this.lockPeople(manager, [...latest.keys()]);
    const stored = (await manager.query(
      `INSERT INTO notification_contacts (person_id, application_id, open_day_id, applicant_user_id, name, mobile, email, language, recorded_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       ON CONFLICT (person_id) DO UPDATE SET application_id = EXCLUDED.application_id, open_day_id = EXCLUDED.open_day_id,
         applicant_user_id = EXCLUDED.applicant_user_id, name = EXCLUDED.name, mobile = EXCLUDED.mobile, email = EXCLUDED.email,
         language = EXCLUDED.language, recorded_at = EXCLUDED.recorded_at
       WHERE notification_contacts.recorded_at <= EXCLUDED.recorded_at
       RETURNING person_id AS "personId"`,
      [
        batch.map((c) => c.personId),
        batch.map((c) => c.applicationId),
        batch.map((c) => c.openDayId),
        batch.map((c) => c.applicantUserId),
        batch.map((c) => this.cipher.encrypt(c.name, 'name')),
        batch.map((c) => this.cipher.encrypt(c.mobile, 'mobile')),
        batch.map((c) => (c.email === null ? null : this.cipher.encrypt(c.email, 'email'))),
        batch.map((c) => c.language),
        batch.map((c) => c.recordedAt),
      ],
    )) as Array<{ personId: string }>;
    return stored.map((row) => {
      const { personId, openDayId, applicantUserId, name, mobile, email, language } = latest.get(row.personId)!;
      return { personId, openDayId, applicantUserId, name, mobile, email, language };
    });
  }

  /** The contacts of these people that have arrived, in one query, by person id in lower case (as PostgreSQL writes a uuid). */
  async findAll(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, Contact>> {
    if (personIds.length === 0) return new Map();
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM notification_contacts WHERE person_id = ANY($1::uuid[])`, [[...new Set(personIds)]])) as ContactRow[];
    return new Map(rows.map((row) => [row.personId, this.decrypt(row)]));
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
