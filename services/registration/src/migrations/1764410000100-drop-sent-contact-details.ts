import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * contact-details-recorded carries the name, mobile and e-mail in the clear (it is internal, for
 * the notification service); everywhere else in this database they are encrypted. So its outbox
 * row is deleted the moment the relay marks it sent, instead of lingering for the relay's hour of
 * retention. Deleting sent rows is what the relay's own pruning does, so nothing else changes.
 */
export class DropSentContactDetails1764410000100 implements MigrationInterface {
  name = 'DropSentContactDetails1764410000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION drop_sent_contact_details() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM outbox WHERE id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_drop_sent_contact_details
        AFTER UPDATE OF sent_at ON outbox
        FOR EACH ROW
        WHEN (NEW.sent_at IS NOT NULL AND NEW.event_type = 'gov.openday.registration.contact-details-recorded.v1')
        EXECUTE FUNCTION drop_sent_contact_details()`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
