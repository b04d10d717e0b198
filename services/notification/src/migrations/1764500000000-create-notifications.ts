import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification's own tables.
 *
 * notification_contacts: the contact directory per person (name, mobile, e-mail encrypted).
 * notification_open_days: titles of published open days, for the application-received text.
 * notification_messages: one row per (cause event, recipient, template): what to say (params, encrypted)
 *   and whether it still waits for the recipient's contact details.
 * notification_deliveries: the delivery log, one row per channel of a message; the unique key
 *   (cause event, recipient, channel, template) is what keeps redeliveries and replicas from
 *   creating a second message. Workers claim due rows with FOR UPDATE SKIP LOCKED.
 * notification_inbox: the in-app inbox (a citizen account's or a department's).
 * notification_tickets / notification_reminders: current tickets and their reminder timers.
 */
export class CreateNotifications1764500000000 implements MigrationInterface {
  name = 'CreateNotifications1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_contacts (
        person_id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        open_day_id uuid NOT NULL,
        applicant_user_id uuid NOT NULL,
        name text NOT NULL,
        mobile text NOT NULL,
        email text,
        language varchar(8) NOT NULL CHECK (language IN ('zh-CN', 'en')),
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX notification_contacts_open_day_idx ON notification_contacts (open_day_id)`);
    await queryRunner.query(`CREATE TABLE notification_open_days (id uuid PRIMARY KEY, title varchar(200) NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE notification_messages (
        id uuid PRIMARY KEY,
        cause_event_id varchar(200) NOT NULL,
        template varchar(32) NOT NULL,
        recipient_kind varchar(16) NOT NULL CHECK (recipient_kind IN ('person', 'department', 'sign-in')),
        recipient_id varchar(64),
        params jsonb NOT NULL,
        status varchar(24) NOT NULL CHECK (status IN ('waiting-for-contact', 'dispatched', 'failed')),
        wait_until timestamptz,
        reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE NULLS NOT DISTINCT (cause_event_id, recipient_kind, recipient_id, template)
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_messages_waiting_idx ON notification_messages (recipient_id, wait_until) WHERE status = 'waiting-for-contact'`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES notification_messages (id),
        cause_event_id varchar(200) NOT NULL,
        template varchar(32) NOT NULL,
        recipient_kind varchar(16) NOT NULL,
        recipient_id varchar(64),
        channel varchar(8) NOT NULL CHECK (channel IN ('sms', 'email', 'in-app')),
        address text NOT NULL,
        language varchar(8) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_answer text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE NULLS NOT DISTINCT (cause_event_id, recipient_kind, recipient_id, channel, template)
      )`);
    await queryRunner.query(`CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX notification_deliveries_log_idx ON notification_deliveries (created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE notification_inbox (
        id uuid PRIMARY KEY REFERENCES notification_deliveries (id),
        owner_kind varchar(16) NOT NULL CHECK (owner_kind IN ('user', 'department')),
        owner_id varchar(64) NOT NULL,
        template varchar(32) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        received_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notification_inbox_owner_idx ON notification_inbox (owner_kind, owner_id, received_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE notification_tickets (
        ticket_id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        open_day_id uuid NOT NULL,
        session_id uuid NOT NULL,
        facts jsonb NOT NULL,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notification_tickets_open_day_idx ON notification_tickets (open_day_id)`);
    await queryRunner.query(`
      CREATE TABLE notification_reminders (
        ticket_id uuid NOT NULL REFERENCES notification_tickets (ticket_id),
        kind varchar(16) NOT NULL CHECK (kind IN ('day-before', 'hours-before')),
        session_starts_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (ticket_id, kind)
      )`);
    await queryRunner.query(`CREATE INDEX notification_reminders_due_idx ON notification_reminders (due_at)`);
  }

  async down(): Promise<void> {
    throw new Error('Migrations are forward-only.');
  }
}
