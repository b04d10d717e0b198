import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AttendeeCheckedInV1, TicketIssuedV1 } from '@openday/contracts';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { createTestDatabase, testInfrastructure } from '@openday/testing';
import { feedbackDatabase } from '../src/feedback.database';

export interface FeedbackTestDatabase {
  dataSource: DataSource;
  /** Closes the connections, drops the database and stops the test infrastructure. */
  stop: () => Promise<void>;
}

/**
 * A fresh database named `name` on the test PostgreSQL with the feedback service's tables and the
 * outbox, migrated, and a DataSource of `poolSize` connections to it.
 */
export async function feedbackTestDatabase(name: string, poolSize: number): Promise<FeedbackTestDatabase> {
  const infra = await testInfrastructure();
  const database = await createTestDatabase(infra.adminDatabaseUrl, name);
  let dataSource: DataSource | undefined;
  const stop = async () => {
    await dataSource?.destroy();
    await database.drop();
    await infra.stop();
  };
  try {
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...feedbackDatabase.migrations],
      migrationsRun: true,
      extra: { max: poolSize },
    }).initialize();
  } catch (error) {
    await stop();
    throw error;
  }
  return { dataSource, stop };
}

/**
 * A ticket for `applicantUserId` to a session of `openDayId` on 24 September 2026 starting at 09:00
 * Shanghai time (the example's session unless `sessionId` is given), with fresh ids.
 */
export function ticketOn24September(applicantUserId: string, day: { openDayId: string; agencyId: string; sessionId?: string }): TicketIssuedV1 {
  return {
    ...TicketIssuedV1.contract.definition.example,
    ticketId: randomUUID(),
    applicationId: randomUUID(),
    personId: randomUUID(),
    ...day,
    applicantUserId,
    date: '2026-09-24',
    startsAtInstant: '2026-09-24T01:00:00.000Z',
  };
}

/** The ticket's holder checked in at 08:50 Shanghai time, ten minutes before the session. */
export function checkInOf(ticket: TicketIssuedV1): AttendeeCheckedInV1 {
  const { ticketId, applicationId, personId, openDayId, sessionId, agencyId } = ticket;
  return { ...AttendeeCheckedInV1.contract.definition.example, ticketId, applicationId, personId, openDayId, sessionId, agencyId, checkedInAt: '2026-09-24T00:50:00.000Z' };
}
