import type { EntityManager } from 'typeorm';
import type {
  AttendeeCheckedInV1,
  OpenDayChangedV1,
  OpenDayEndedV1,
  OpenDayPublishedV2,
  TicketIssuedV1,
  TicketRevokedV1,
} from '@openday/contracts';
import { oncePerKey } from './open-day-fact-rules';

/**
 * What feedback keeps from other services' events. Events arrive in any order on different
 * streams, so each one fills only its own columns with an upsert: a check-in before its ticket
 * leaves a row the ticket completes, an end before the publication leaves the open day the
 * publication completes. Redeliveries change nothing (the inbox, and every write is idempotent).
 */
export async function openDayPublished(manager: EntityManager, data: OpenDayPublishedV2): Promise<void> {
  const dates = data.sessions.map((s) => s.date).sort();
  await manager.query(
    `INSERT INTO fb_open_days (id, agency_id, title, first_date, last_date, published_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET agency_id = $2, title = $3, first_date = $4, last_date = $5, published_at = $6`,
    [data.openDayId, data.agencyId, data.title, dates[0], dates[dates.length - 1], new Date(data.publishedAt)],
  );
}

/** A change of time moves the dates the city-wide table shows (and the title, as it is now). */
export async function openDayChanged(manager: EntityManager, data: OpenDayChangedV1): Promise<void> {
  const dates = data.sessions.map((s) => s.date).sort();
  await manager.query(
    `INSERT INTO fb_open_days (id, agency_id, title, first_date, last_date) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET title = $3, first_date = $4, last_date = $5`,
    [data.openDayId, data.agencyId, data.title, dates[0], dates[dates.length - 1]],
  );
}

export async function openDayEnded(manager: EntityManager, data: OpenDayEndedV1): Promise<void> {
  await manager.query(
    `INSERT INTO fb_open_days (id, agency_id, title, first_date, last_date, attendance, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET attendance = $6, ended_at = $7,
       first_date = COALESCE(fb_open_days.first_date, $4), last_date = COALESCE(fb_open_days.last_date, $5)`,
    [data.openDayId, data.agencyId, data.title, data.firstDate, data.lastDate, JSON.stringify(data.attendance), new Date(data.endedAt)],
  );
}

export function ticketIssued(manager: EntityManager, data: TicketIssuedV1): Promise<void> {
  return ticketsIssued(manager, [data]);
}

/** Tickets of a batch in two statements: their open days (a ticket may be the first feedback hears of its open day), then the tickets. */
export async function ticketsIssued(manager: EntityManager, issued: readonly TicketIssuedV1[]): Promise<void> {
  if (issued.length === 0) return;
  const openDays = oncePerKey(issued, (t) => t.openDayId, 'first');
  await manager.query(
    `INSERT INTO fb_open_days (id, agency_id, title, first_date, last_date)
     SELECT id, agency_id, title, date, date FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[]) AS o(id, agency_id, title, date)
     ON CONFLICT (id) DO NOTHING`,
    [openDays.map((t) => t.openDayId), openDays.map((t) => t.agencyId), openDays.map((t) => t.title), openDays.map((t) => t.date)],
  );
  const tickets = oncePerKey(issued, (t) => t.ticketId, 'last');
  await manager.query(
    `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, applicant_user_id, session_starts_at, issued)
     SELECT *, true FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[])
     ON CONFLICT (ticket_id) DO UPDATE SET applicant_user_id = EXCLUDED.applicant_user_id, session_starts_at = EXCLUDED.session_starts_at, issued = true`,
    [
      tickets.map((t) => t.ticketId),
      tickets.map((t) => t.openDayId),
      tickets.map((t) => t.agencyId),
      tickets.map((t) => t.personId),
      tickets.map((t) => t.applicantUserId),
      tickets.map((t) => new Date(t.startsAtInstant)),
    ],
  );
}

export function attendeeCheckedIn(manager: EntityManager, data: AttendeeCheckedInV1): Promise<void> {
  return attendeesCheckedIn(manager, [data]);
}

/** The first check-in of a ticket is the one kept. */
export async function attendeesCheckedIn(manager: EntityManager, checkIns: readonly AttendeeCheckedInV1[]): Promise<void> {
  if (checkIns.length === 0) return;
  const first = oncePerKey(checkIns, (c) => c.ticketId, 'first');
  await manager.query(
    `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, checked_in_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[])
     ON CONFLICT (ticket_id) DO UPDATE SET checked_in_at = COALESCE(fb_tickets.checked_in_at, EXCLUDED.checked_in_at)`,
    [first.map((c) => c.ticketId), first.map((c) => c.openDayId), first.map((c) => c.agencyId), first.map((c) => c.personId), first.map((c) => new Date(c.checkedInAt))],
  );
}

export async function ticketsRevoked(manager: EntityManager, revocations: readonly TicketRevokedV1[]): Promise<void> {
  if (revocations.length === 0) return;
  const revoked = oncePerKey(revocations, (r) => r.ticketId, 'first');
  await manager.query(
    `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, revoked)
     SELECT *, true FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[])
     ON CONFLICT (ticket_id) DO UPDATE SET revoked = true`,
    [revoked.map((r) => r.ticketId), revoked.map((r) => r.openDayId), revoked.map((r) => r.agencyId), revoked.map((r) => r.personId)],
  );
}

export type CountedTable = 'fb_applications' | 'fb_selections';

export function applicationCounted(manager: EntityManager, table: CountedTable, personId: string, openDayId: string): Promise<void> {
  return applicationsCounted(manager, table, [{ personId, openDayId }]);
}

/** People counted per open day, once each (nothing personal is kept). */
export async function applicationsCounted(manager: EntityManager, table: CountedTable, people: ReadonlyArray<{ personId: string; openDayId: string }>): Promise<void> {
  if (people.length === 0) return;
  const once = oncePerKey(people, (p) => p.personId, 'first');
  await manager.query(`INSERT INTO ${table} (person_id, open_day_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT (person_id) DO NOTHING`, [
    once.map((p) => p.personId),
    once.map((p) => p.openDayId),
  ]);
}
