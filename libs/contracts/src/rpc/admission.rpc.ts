// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import type { CheckInMethod } from '../events/scheduling/attendee-checked-in.v1';
import type { TicketAgendaItem } from '../events/scheduling/ticket-issued.v1';
import type { TicketRevocationReason } from '../events/scheduling/ticket-revoked.v1';
import { Actor } from './actor';
import { LongPageQuery, PageQuery } from './page-query';
import type { Page } from './open-days.rpc';
import { IsFreeText } from '@openday/domain';

/** Request/reply operations of scheduling's admission (tickets, check-in, rosters), named `rpc.scheduling.<operation>`. */
export const AdmissionRpcOperations = {
  listMyTickets: 'tickets.list-mine',
  getMyTicket: 'tickets.get-mine',
  revoke: 'tickets.revoke',
  checkIn: 'check-ins.record',
  roster: 'roster.get',
  rosterCsv: 'roster.export',
} as const;

export const TICKET_STATUSES = ['issued', 'checked-in', 'no-show', 'revoked'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** 8 characters of [0-9A-Z]; issued codes leave out the look-alikes 0, 1, I and O. */
export const CHECK_IN_CODE_PATTERN = /^[0-9A-Z]{8}$/;

/**
 * What a ticket's QR code encodes: `OPENDAY-TICKET:1:<ticketId>:<checkInCode>`
 * (`1` is the format's version), as the domain's credential rules build and read it. Scanning it
 * names the ticket and proves the code; the real-name check (last 4 of the ID) is still asked at the door.
 */
export { QR_PAYLOAD_PREFIX } from '@openday/domain';

const upperTrimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** Body of POST /api/v1/open-days/{id}/check-ins: the code or the scanned QR payload (one of them), and the real-name check. */
export class CheckInInput {
  /** The 8-character check-in code printed on the ticket; required unless qrPayload is given. */
  @ValidateIf((o: CheckInInput, value: unknown) => value !== undefined || o.qrPayload === undefined)
  @upperTrimmed
  @IsString()
  @Matches(CHECK_IN_CODE_PATTERN, { message: 'code must be the 8-character check-in code (digits and capital letters)' })
  code?: string;

  /** The text the ticket's QR code carries; required unless code is given. */
  @ValidateIf((o: CheckInInput, value: unknown) => value !== undefined || o.code === undefined)
  @IsString()
  @Length(1, 200)
  qrPayload?: string;

  /** The last 4 characters of the holder's resident ID, read from the ID card (x and X are the same). */
  @upperTrimmed
  @IsString()
  @Matches(/^[0-9]{3}[0-9X]$/, { message: 'idLast4 must be the last 4 characters of the resident ID (3 digits, then a digit or X)' })
  idLast4: string;
}

export class CheckInRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  openDayId: string;

  @ValidateNested()
  @Type(() => CheckInInput)
  input: CheckInInput;
}

export class MyTicketsRequest extends PageQuery {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;
}

export class TicketRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  ticketId: string;
}

/** Body of POST /api/v1/tickets/{ticketId}/revocation. */
export class RevocationInput {
  @IsFreeText({ maxLength: 500 })
  reason: string;
}

export class RevokeTicketRequest extends TicketRequest {
  @ValidateNested()
  @Type(() => RevocationInput)
  input: RevocationInput;
}

export class RosterRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsUUID()
  openDayId: string;

  @IsUUID()
  sessionId: string;

  @ValidateNested()
  @Type(() => LongPageQuery)
  query: LongPageQuery;
}

/** A citizen's admission ticket, as the open day is now (a change of time or place shows at once). */
export interface TicketView {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  title: string;
  /** Asia/Shanghai date and wall-clock times. */
  date: string;
  startsAt: string;
  endsAt: string;
  startsAtInstant: string;
  assemblyPoint: string;
  /** How people get there, as the plan says (empty: on their own). */
  transport: string;
  venues: Array<{ name: string; address: string }>;
  agenda: TicketAgendaItem[];
  notices: string[];
  checkInCode: string;
  /** What the QR code encodes (see QR_PAYLOAD_PREFIX). */
  qrPayload: string;
  maskedName: string;
  promoted: boolean;
  status: TicketStatus;
  issuedAt: string;
  checkedInAt: string | null;
  revokedAt: string | null;
  revocationReason: TicketRevocationReason | null;
}

export type TicketPage = Page<TicketView>;

/** One ticket as staff see it: masked, no check-in code. */
export interface AttendanceEntry {
  ticketId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  maskedName: string;
  maskedIdNumber: string;
  status: TicketStatus;
  checkedInAt: string | null;
  checkInMethod: CheckInMethod | null;
  revokedAt: string | null;
  revocationReason: TicketRevocationReason | null;
}

export interface RosterCounts {
  issued: number;
  checkedIn: number;
  noShow: number;
  revoked: number;
}

export interface RosterPage extends Page<AttendanceEntry> {
  openDayId: string;
  sessionId: string;
  title: string;
  date: string;
  startsAt: string;
  endsAt: string;
  /** Tickets of the session by status (all pages). */
  counts: RosterCounts;
}

/** A session's whole roster as CSV (UTF-8 with BOM), masked. */
export interface RosterCsvFile {
  filename: string;
  csv: string;
  /** The people listed, for the gateway's audit log of staff reads (never written into the file). */
  personIds?: string[];
}
