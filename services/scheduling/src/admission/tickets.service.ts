import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AttendeeCheckedInV1,
  type Actor,
  type AttendanceEntry,
  type CheckInMethod,
  type CheckInRequest,
  type MyTicketsRequest,
  problemCodeOf,
  type RevokeTicketRequest,
  type RosterCsvFile,
  type RosterPage,
  type RosterRequest,
  type TicketPage,
  type TicketRequest,
  type TicketView,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, keysetCursor, problem, ProblemException } from '@openday/platform';
import { canSeeAgency, parseQrPayload } from '@openday/domain';
import { decideCheckIn, type CheckInDecision } from './admission-rules';
import { AdmissionService } from './admission.service';
import { rosterCsv } from './roster-csv';
import { attendanceEntry, findSession, findSessions, findTickets, ticketRef, ticketView, type SessionRow, type TicketRow } from './ticket-rows';

const DOOR_ROLES: ReadonlyArray<Actor['role']> = ['agency-staff', 'agency-admin'];
const ROSTER_ROLES: ReadonlyArray<Actor['role']> = ['agency-staff', 'agency-admin', 'reviewer', 'city-office'];
const DEFAULT_PAGE = 20;
const DEFAULT_ROSTER_PAGE = 100;
/** The seq of the last ticket on the previous page (newest first for a citizen, in order for a roster). */
const TICKET_PAGES = keysetCursor('tickets', ['sequence']);

/**
 * Tickets as people use them: citizens read their own, staff of the organising agency check
 * people in, read and export rosters and revoke. Another agency's ticket, session or open day,
 * and another citizen's ticket, is answered as missing (404).
 */
@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly admission: AdmissionService,
  ) {}

  async listMine(request: MyTicketsRequest): Promise<TicketPage> {
    assertRole(request.actor, ['citizen'], 'Tickets are listed by the citizen who applied.');
    const limit = request.limit ?? DEFAULT_PAGE;
    const before = request.cursor === undefined ? undefined : TICKET_PAGES.read(request.cursor)[0];
    const tickets = await findTickets(
      this.dataSource.manager,
      `t.applicant_user_id = $1 ${before ? 'AND t.seq < $2' : ''}`,
      before ? [request.actor.userId, before] : [request.actor.userId],
      { limit: limit + 1, newestFirst: true },
    );
    const page = tickets.slice(0, limit);
    const views = await this.views(page);
    return { items: views, nextCursor: tickets.length > limit ? TICKET_PAGES.encode([page.at(-1)!.seq]) : null };
  }

  async getMine(request: TicketRequest): Promise<TicketView> {
    assertRole(request.actor, ['citizen'], 'A ticket is read by the citizen who applied.');
    const [ticket] = await findTickets(this.dataSource.manager, 't.id = $1 AND t.applicant_user_id = $2', [request.ticketId, request.actor.userId]);
    if (!ticket) throw notFound(`No ticket ${request.ticketId} of yours.`);
    return (await this.views([ticket]))[0];
  }

  /** The check at the door: the ticket (by code or QR payload) of this open day, the rules, then attendee-checked-in. */
  async checkIn(request: CheckInRequest): Promise<AttendanceEntry> {
    const { actor, input } = request;
    assertRole(actor, DOOR_ROLES, 'People are checked in by staff of the organising agency.');
    const credential = credentialOf(input);
    return this.dataSource.transaction(async (manager) => {
      const [ticket] = credential.ticketId
        ? await findTickets(manager, 't.id = $1 AND t.check_in_code = $2 AND t.open_day_id = $3', [credential.ticketId, credential.code, request.openDayId], { lock: true })
        : await findTickets(manager, 't.check_in_code = $1 AND t.open_day_id = $2', [credential.code, request.openDayId], { lock: true });
      if (!ticket || !canSeeAgency(actor, ticket.agencyId, DOOR_ROLES)) throw notFound(`No ticket with this ${credential.method === 'qr' ? 'QR payload' : 'check-in code'} for open day ${request.openDayId} of your agency.`);
      const session = (await findSession(manager, ticket.sessionId))!;
      const now = this.clock.now();
      const decision = decideCheckIn({ status: ticket.status, checkedInAt: ticket.checkedInAt, maskedIdNumber: ticket.maskedIdNumber, session }, input.idLast4, now);
      if (!decision.allowed) throw checkInRefused(decision);
      await manager.query(`UPDATE tickets SET status = 'checked-in', checked_in_at = $2, check_in_method = $3, checked_in_by = $4 WHERE id = $1`, [
        ticket.id,
        now,
        credential.method,
        actor.userId,
      ]);
      await this.outbox.add(
        manager,
        AttendeeCheckedInV1.contract,
        { ...ticketRef(ticket), method: credential.method, checkedInAt: now.toISOString() },
        { aggregateId: ticket.id },
      );
      return attendanceEntry({ ...ticket, status: 'checked-in', checkedInAt: now, checkInMethod: credential.method });
    });
  }

  /** Staff revoke a ticket that has not been used; revoking again answers the same. */
  async revoke(request: RevokeTicketRequest): Promise<AttendanceEntry> {
    const { actor } = request;
    assertRole(actor, DOOR_ROLES, 'Tickets are revoked by staff of the organising agency.');
    return this.dataSource.transaction(async (manager) => {
      const [ticket] = await findTickets(manager, 't.id = $1', [request.ticketId], { lock: true });
      if (!ticket || !canSeeAgency(actor, ticket.agencyId, DOOR_ROLES)) throw notFound(`No ticket ${request.ticketId} of your agency.`);
      if (ticket.status === 'revoked') return attendanceEntry(ticket);
      if (ticket.status !== 'issued') {
        throw problem('ticket-no-longer-revocable', { detail: `The ticket is ${ticket.status}: only an issued ticket can be revoked.` });
      }
      return attendanceEntry(await this.admission.revoke(manager, ticket, 'revoked-by-staff', { userId: actor.userId, note: request.input.reason.trim() }));
    });
  }

  async roster(request: RosterRequest): Promise<RosterPage> {
    const session = await this.staffSession(this.dataSource.manager, request.actor, request.openDayId, request.sessionId);
    const limit = request.query.limit ?? DEFAULT_ROSTER_PAGE;
    const after = request.query.cursor === undefined ? undefined : TICKET_PAGES.read(request.query.cursor)[0];
    const tickets = await findTickets(
      this.dataSource.manager,
      `t.session_id = $1 ${after ? 'AND t.seq > $2' : ''}`,
      after ? [session.sessionId, after] : [session.sessionId],
      { limit: limit + 1 },
    );
    const page = tickets.slice(0, limit);
    const counts = (await this.dataSource.query(`SELECT status, count(*)::int AS n FROM tickets WHERE session_id = $1 GROUP BY status`, [session.sessionId])) as Array<{
      status: TicketRow['status'];
      n: number;
    }>;
    const count = (status: TicketRow['status']) => counts.find((c) => c.status === status)?.n ?? 0;
    return {
      openDayId: session.openDayId,
      sessionId: session.sessionId,
      title: session.title,
      date: session.date,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      counts: { issued: count('issued'), checkedIn: count('checked-in'), noShow: count('no-show'), revoked: count('revoked') },
      items: page.map(attendanceEntry),
      nextCursor: tickets.length > limit ? TICKET_PAGES.encode([page.at(-1)!.seq]) : null,
    };
  }

  async rosterCsv(request: Omit<RosterRequest, 'query'>): Promise<RosterCsvFile> {
    const session = await this.staffSession(this.dataSource.manager, request.actor, request.openDayId, request.sessionId);
    const tickets = await findTickets(this.dataSource.manager, 't.session_id = $1', [session.sessionId]);
    return { ...rosterCsv(session, tickets.map(attendanceEntry)), personIds: tickets.map((ticket) => ticket.personId) };
  }

  private async staffSession(manager: EntityManager, actor: Actor, openDayId: string, sessionId: string): Promise<SessionRow> {
    assertRole(actor, ROSTER_ROLES, 'Rosters are for the organising agency’s staff and the city office.');
    const session = await findSession(manager, sessionId);
    if (!session || session.openDayId !== openDayId || !canSeeAgency(actor, session.agencyId, ROSTER_ROLES)) {
      throw notFound(`No session ${sessionId} of open day ${openDayId} of your agency.`);
    }
    return session;
  }

  private async views(tickets: TicketRow[]): Promise<TicketView[]> {
    if (tickets.length === 0) return [];
    const sessions = await findSessions(this.dataSource.manager, 's.id = ANY($1)', [[...new Set(tickets.map((t) => t.sessionId))]]);
    const byId = new Map(sessions.map((s) => [s.sessionId, s]));
    return tickets.map((ticket) => ticketView(ticket, byId.get(ticket.sessionId)!));
  }
}

/** Which ticket the door is asked about: by code alone (in the open day), or by the QR payload's ticket id and code. */
function credentialOf(input: CheckInRequest['input']): { ticketId?: string; code: string; method: CheckInMethod } {
  if (input.qrPayload !== undefined && input.code !== undefined) {
    throw badRequest('code', 'exclusive', 'give either code or qrPayload, not both');
  }
  if (input.qrPayload === undefined) return { code: input.code!, method: 'code' };
  const parsed = parseQrPayload(input.qrPayload);
  if (!parsed) throw badRequest('qrPayload', 'qrPayload', 'qrPayload must be the text of an admission ticket’s QR code (OPENDAY-TICKET:1:<ticket id>:<code>)');
  return { ticketId: parsed.ticketId, code: parsed.checkInCode, method: 'qr' };
}

function assertRole(actor: Actor, roles: ReadonlyArray<Actor['role']>, detail: string): void {
  if (!roles.includes(actor.role)) throw problem('not-allowed', { detail });
}

/** admission-rules names a refusal by its type URI; the catalogue says how it is answered. */
function checkInRefused(decision: Extract<CheckInDecision, { allowed: false }>): ProblemException {
  const code = problemCodeOf(decision.type);
  if (!code) throw new Error(`The check-in refusal ${decision.type} is not in the problem catalogue.`);
  return problem(code, { detail: decision.detail });
}

function notFound(detail: string): ProblemException {
  return problem('not-found', { detail });
}

function badRequest(field: string, rule: string, message: string): ProblemException {
  return problem('invalid-input', { detail: message, errors: [{ field, rule, message }] });
}
