import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import QRCode from 'qrcode';
import {
  AdmissionRpcOperations,
  CheckInInput,
  LongPageQuery,
  PageQuery,
  RevocationInput,
  type Actor,
  type AttendanceEntry,
  type CheckInRequest,
  type MyTicketsRequest,
  type RevokeTicketRequest,
  type RosterCsvFile,
  type RosterPage,
  type RosterRequest,
  type TicketPage,
  type TicketRequest,
  type TicketView,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { Audited, AuditedRead } from '../audit/audited.interceptor';
import { AuditService } from '../audit/audit.service';
import { OpenDayIdParams } from '../selection/selection.dto';
import {
  AttendanceEntryDto,
  CheckInDoc,
  QrQuery,
  RevocationDoc,
  RosterPageDto,
  SessionParams,
  TicketDto,
  TicketIdParams,
  TicketPageDto,
} from './tickets.dto';

const ops = AdmissionRpcOperations;
const ROSTER_READERS = ['agency-staff', 'agency-admin', 'reviewer', 'city-office'] as const;
const DOOR_STAFF = ['agency-staff', 'agency-admin'] as const;

/**
 * Admission tickets and the day at the gateway: scheduling owns tickets, check-in and rosters
 * and keeps owners and agencies apart (someone else's ticket, another agency's open day: 404);
 * the gateway checks the shape, names the caller, and renders the QR image and the CSV file.
 */
@ApiTags('tickets')
@Controller('api/v1')
export class TicketsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditService,
  ) {}

  @Get('my/tickets')
  @Access('citizen')
  @ApiOperation({ summary: 'The signed-in citizen’s admission tickets, newest first' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 20 } })
  @ApiOkResponse({ type: TicketPageDto })
  listMine(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<TicketPage> {
    const payload: MyTicketsRequest = { actor, ...query };
    return this.rpc.call('scheduling', ops.listMyTickets, payload);
  }

  @Get('my/tickets/:ticketId')
  @Access('citizen')
  @ApiOperation({ summary: 'One of the citizen’s tickets: session, time, assembly point, agenda, venues, notices, check-in code, status' })
  @ApiOkResponse({ type: TicketDto })
  @ApiNotFoundResponse({ description: 'No such ticket of yours (problem+json).' })
  getMine(@Param() params: TicketIdParams, @CurrentActor() actor: Actor): Promise<TicketView> {
    const payload: TicketRequest = { actor, ticketId: params.ticketId };
    return this.rpc.call('scheduling', ops.getMyTicket, payload);
  }

  @Get('my/tickets/:ticketId/qr')
  @Access('citizen')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The ticket’s QR code image (SVG or PNG); it encodes OPENDAY-TICKET:1:<ticketId>:<checkInCode>' })
  @ApiProduces('image/svg+xml', 'image/png')
  @ApiOkResponse({
    description: 'The QR code.',
    content: { 'image/svg+xml': { schema: { type: 'string' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ description: 'No such ticket of yours (problem+json).' })
  async qr(@Param() params: TicketIdParams, @Query() query: QrQuery, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const payload: TicketRequest = { actor, ticketId: params.ticketId };
    const ticket = await this.rpc.call<TicketView>('scheduling', ops.getMyTicket, payload);
    const options = { errorCorrectionLevel: 'M', margin: 2 } as const;
    if (query.format === 'png') {
      return new StreamableFile(await QRCode.toBuffer(ticket.qrPayload, { ...options, type: 'png', width: 360 }), { type: 'image/png' });
    }
    return new StreamableFile(Buffer.from(await QRCode.toString(ticket.qrPayload, { ...options, type: 'svg' }), 'utf8'), { type: 'image/svg+xml' });
  }

  @Post('open-days/:id/check-ins')
  @HttpCode(200)
  @Access(...DOOR_STAFF)
  @AuditedRead('check-in', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'Check a ticket holder in by code or scanned QR payload, with the real-name check (last 4 of the ID)' })
  @ApiBody({ type: CheckInDoc })
  @ApiOkResponse({ type: AttendanceEntryDto })
  @ApiNotFoundResponse({ description: 'No ticket with this code or QR payload for this open day of your agency (problem+json).' })
  @ApiConflictResponse({ description: 'The ticket is revoked, or was already checked in (the detail says when) (problem+json).' })
  @ApiUnprocessableEntityResponse({
    description: 'The last 4 do not match the ID applied with, or it is outside the check-in window (2 h before the start until the end, Asia/Shanghai) (problem+json).',
  })
  checkIn(@Param() params: OpenDayIdParams, @Body() input: CheckInInput, @CurrentActor() actor: Actor): Promise<AttendanceEntry> {
    const payload: CheckInRequest = { actor, openDayId: params.id, input };
    return this.rpc.call('scheduling', ops.checkIn, payload);
  }

  @Get('open-days/:id/sessions/:sessionId/roster')
  @Access(...ROSTER_READERS)
  @AuditedRead('roster', { targetType: 'session', targetId: 'param:sessionId' })
  @ApiOperation({ summary: 'A session’s roster (masked), page by page, with counts by status' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiOkResponse({ type: RosterPageDto })
  @ApiNotFoundResponse({ description: 'No such session of an open day of your agency (problem+json).' })
  roster(@Param() params: SessionParams, @Query() query: LongPageQuery, @CurrentActor() actor: Actor): Promise<RosterPage> {
    const payload: RosterRequest = { actor, openDayId: params.id, sessionId: params.sessionId, query };
    return this.rpc.call('scheduling', ops.roster, payload);
  }

  @Get('open-days/:id/sessions/:sessionId/roster.csv')
  @Access(...ROSTER_READERS)
  @ApiOperation({ summary: 'A session’s whole roster as CSV (UTF-8 with BOM): masked names and IDs, status, check-in time (Asia/Shanghai); the read is audited' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file, as an attachment.', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'No such session of an open day of your agency (problem+json).' })
  async rosterCsv(@Param() params: SessionParams, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const payload: RosterRequest = { actor, openDayId: params.id, sessionId: params.sessionId, query: {} };
    const file = await this.rpc.call<RosterCsvFile>('scheduling', ops.rosterCsv, payload);
    // Recorded here rather than by @AuditedRead: the people read are in the reply, not in the file sent.
    await this.audit.recordPersonalDataRead(actor, {
      list: 'roster-csv',
      targetType: 'session',
      targetId: params.sessionId,
      openDayId: params.id,
      sessionId: params.sessionId,
      personIds: file.personIds ?? [],
    });
    return new StreamableFile(Buffer.from(file.csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${file.filename}"` });
  }

  @Post('tickets/:ticketId/revocation')
  @HttpCode(200)
  @Access(...DOOR_STAFF)
  @Audited('ticket.revoked', { targetType: 'ticket', targetId: 'param:ticketId' })
  @ApiOperation({ summary: 'Revoke an unused ticket of your agency, with the reason (audited)' })
  @ApiBody({ type: RevocationDoc })
  @ApiOkResponse({ type: AttendanceEntryDto })
  @ApiNotFoundResponse({ description: 'No such ticket of your agency (problem+json).' })
  @ApiConflictResponse({ description: 'The ticket was already checked in or recorded a no-show (problem+json).' })
  revoke(@Param() params: TicketIdParams, @Body() input: RevocationInput, @CurrentActor() actor: Actor): Promise<AttendanceEntry> {
    const payload: RevokeTicketRequest = { actor, ticketId: params.ticketId, input };
    return this.rpc.call('scheduling', ops.revoke, payload);
  }
}
