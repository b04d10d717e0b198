import type { EntityManager } from 'typeorm';
import type {
  AttendeeCheckedInV1,
  OpenDayChangedV1,
  OpenDayEndedV1,
  OpenDayPublishedV2,
  TicketIssuedV1,
  TicketRevokedV1,
} from '@openday/contracts';

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

export async function ticketIssued(manager: EntityManager, data: TicketIssuedV1): Promise<void> {
  // A ticket may be the first feedback hears of its open day.
  await manager.query(
    `INSERT INTO fb_open_days (id, agency_id, title, first_date, last_date) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (id) DO NOTHING`,
    [data.openDayId, data.agencyId, data.title, data.date],
  );
  await manager.query(
    `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, applicant_user_id, session_starts_at, issued)
     VALUES ($1, $2, $3, $4, $5, $6, true)
     ON CONFLICT (ticket_id) DO UPDATE SET applicant_user_id = $5, session_starts_at = $6, issued = true`,
    [data.ticketId, data.openDayId, data.agencyId, data.personId, data.applicantUserId, new Date(data.startsAtInstant)],
  );
}

export async function attendeeCheckedIn(manager: EntityManager, data: AttendeeCheckedInV1): Promise<void> {
  await manager.query(
    `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, checked_in_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (ticket_id) DO UPDATE SET checked_in_at = COALESCE(fb_tickets.checked_in_at, $5)`,
    [data.ticketId, data.openDayId, data.agencyId, data.personId, new Date(data.checkedInAt)],
  );
}

export async function ticketRevoked(manager: EntityManager, data: TicketRevokedV1): Promise<void> {
  await manager.query(
    `INSERT INTO fb_tickets (ticket_id, open_day_id, agency_id, person_id, revoked) VALUES ($1, $2, $3, $4, true)
     ON CONFLICT (ticket_id) DO UPDATE SET revoked = true`,
    [data.ticketId, data.openDayId, data.agencyId, data.personId],
  );
}

export async function applicationCounted(manager: EntityManager, table: 'fb_applications' | 'fb_selections', personId: string, openDayId: string): Promise<void> {
  await manager.query(`INSERT INTO ${table} (person_id, open_day_id) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`, [personId, openDayId]);
}
