import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A ticket is also revoked when vetting rejects its holder after selecting them (ticket-revoked v2's 'application-rejected'). */
export class RevokeRejectedTickets1764700000000 implements MigrationInterface {
  name = 'RevokeRejectedTickets1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_revocation_reason_check`);
    await queryRunner.query(`
      ALTER TABLE tickets ADD CONSTRAINT tickets_revocation_reason_check
        CHECK (revocation_reason IN ('application-withdrawn', 'open-day-cancelled', 'session-cancelled', 'revoked-by-staff', 'application-rejected'))`);
  }

  async down(): Promise<void> {
    throw new Error('migrations are forward-only');
  }
}
