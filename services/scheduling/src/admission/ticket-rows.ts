/** How admission reads its tables: rows as the services use them, and the views built from them. */
import type { EntityManager } from 'typeorm';
import {
  revocationReasonV1Of,
  type AttendanceEntry,
  type CheckInMethod,
  type TicketAgendaItem,
  type TicketRef,
  type TicketRevocationReasonV2,
  type TicketStatus,
  type TicketView,
} from '@openday/contracts';
import { qrPayloadOf } from '@openday/domain';
import { sessionStart } from './admission-rules';

export interface TicketRow {
  id: string;
  seq: string;
  personId: string;
  applicationId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  applicantUserId: string;
  maskedName: string;
  maskedIdNumber: string;
  checkInCode: string;
  promoted: boolean;
  status: TicketStatus;
  issuedAt: Date;
  checkedInAt: Date | null;
  checkInMethod: CheckInMethod | null;
  revokedAt: Date | null;
  revocationReason: TicketRevocationReasonV2 | null;
}

/** A session as it is now, with its open day: what a ticket shows. */
export interface SessionRow {
  sessionId: string;
  openDayId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  agenda: TicketAgendaItem[];
  noShowsRecordedAt: Date | null;
  agencyId: string;
  title: string;
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  transport: string;
  notices: string[];
  openDayStatus: 'published' | 'cancelled';
}

const TICKET_COLUMNS = `t.id, t.seq::text AS seq, t.person_id AS "personId", t.application_id AS "applicationId", t.open_day_id AS "openDayId",
  t.session_id AS "sessionId", t.agency_id AS "agencyId", t.applicant_user_id AS "applicantUserId", t.masked_name AS "maskedName",
  t.masked_id_number AS "maskedIdNumber", t.check_in_code AS "checkInCode", t.promoted, t.status, t.issued_at AS "issuedAt",
  t.checked_in_at AS "checkedInAt", t.check_in_method AS "checkInMethod", t.revoked_at AS "revokedAt", t.revocation_reason AS "revocationReason"`;

export interface TicketQueryOptions {
  lock?: boolean;
  limit?: number;
  newestFirst?: boolean;
}

/** Tickets matching `where` (over alias t), in issue order (or newest first), optionally locked for update. */
export async function findTickets(manager: EntityManager, where: string, params: unknown[], options: TicketQueryOptions = {}): Promise<TicketRow[]> {
  const order = options.newestFirst ? 'DESC' : 'ASC';
  const limit = options.limit ? ` LIMIT ${Math.floor(options.limit)}` : '';
  return manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE ${where} ORDER BY t.seq ${order}${limit}${options.lock ? ' FOR UPDATE' : ''}`, params);
}

export async function findSession(manager: EntityManager, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = (await findSessions(manager, 's.id = $1', [sessionId])) as Array<SessionRow | undefined>;
  return row;
}

export async function findSessions(manager: EntityManager, where: string, params: unknown[]): Promise<SessionRow[]> {
  return manager.query(
    `SELECT s.id AS "sessionId", s.open_day_id AS "openDayId", s.date::text AS date, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.agenda,
            s.no_shows_recorded_at AS "noShowsRecordedAt", o.agency_id AS "agencyId", o.title, o.venues, o.assembly_point AS "assemblyPoint",
            COALESCE(p.transport, '') AS transport, o.notices, o.status AS "openDayStatus"
       FROM admission_sessions s JOIN admission_open_days o ON o.id = s.open_day_id
       LEFT JOIN plans p ON p.open_day_id = o.id
      WHERE ${where}
      ORDER BY s.date, s.starts_at`,
    params,
  );
}

export function ticketRef(ticket: TicketRow): TicketRef {
  return {
    ticketId: ticket.id,
    applicationId: ticket.applicationId,
    personId: ticket.personId,
    openDayId: ticket.openDayId,
    sessionId: ticket.sessionId,
    agencyId: ticket.agencyId,
  };
}

/** What a ticket says of its session, as the open day is now: the same in the ticket-issued event and the ticket view. */
export function sessionFacts(session: SessionRow): Pick<TicketView, 'title' | 'date' | 'startsAt' | 'endsAt' | 'startsAtInstant' | 'assemblyPoint' | 'transport' | 'venues' | 'agenda' | 'notices'> {
  return {
    title: session.title,
    date: session.date,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    startsAtInstant: sessionStart(session).toISOString(),
    assemblyPoint: session.assemblyPoint,
    transport: session.transport,
    venues: session.venues,
    agenda: session.agenda,
    notices: session.notices,
  };
}

export function ticketView(ticket: TicketRow, session: SessionRow): TicketView {
  return {
    ...ticketRef(ticket),
    ...sessionFacts(session),
    checkInCode: ticket.checkInCode,
    qrPayload: qrPayloadOf(ticket.id, ticket.checkInCode),
    maskedName: ticket.maskedName,
    promoted: ticket.promoted,
    status: ticket.status,
    issuedAt: ticket.issuedAt.toISOString(),
    checkedInAt: ticket.checkedInAt?.toISOString() ?? null,
    revokedAt: ticket.revokedAt?.toISOString() ?? null,
    revocationReason: viewedReason(ticket),
  };
}

export function attendanceEntry(ticket: TicketRow): AttendanceEntry {
  return {
    ticketId: ticket.id,
    personId: ticket.personId,
    openDayId: ticket.openDayId,
    sessionId: ticket.sessionId,
    maskedName: ticket.maskedName,
    maskedIdNumber: ticket.maskedIdNumber,
    status: ticket.status,
    checkedInAt: ticket.checkedInAt?.toISOString() ?? null,
    checkInMethod: ticket.checkInMethod,
    revokedAt: ticket.revokedAt?.toISOString() ?? null,
    revocationReason: viewedReason(ticket),
  };
}

/** Ticket views still speak v1's reasons (a rejected holder's ticket reads as revoked by the organisers); the event v2 says more. */
function viewedReason(ticket: TicketRow): TicketView['revocationReason'] {
  return ticket.revocationReason && revocationReasonV1Of(ticket.revocationReason);
}
