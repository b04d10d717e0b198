import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  CHECK_IN_METHODS,
  TICKET_REVOCATION_REASONS,
  TICKET_STATUSES,
  type AttendanceEntry,
  type CheckInMethod,
  type RosterCounts,
  type RosterPage,
  type TicketAgendaItem,
  type TicketPage,
  type TicketRevocationReason,
  type TicketStatus,
  type TicketView,
} from '@openday/contracts';

export class TicketIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketId: string;
}

export class SessionParams {
  @ApiProperty({ format: 'uuid', description: 'The open day.' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId: string;
}

export const QR_FORMATS = ['svg', 'png'] as const;

export class QrQuery {
  @ApiPropertyOptional({ enum: QR_FORMATS, default: 'svg' })
  @IsOptional()
  @IsIn(QR_FORMATS, { message: `format must be one of ${QR_FORMATS.join(', ')}` })
  format?: (typeof QR_FORMATS)[number];
}

export class CheckInDoc {
  @ApiPropertyOptional({ pattern: '^[0-9A-Z]{8}$', example: 'K7Q2M9XD', description: 'The check-in code on the ticket; give this or qrPayload.' })
  code?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'OPENDAY-TICKET:1:b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f:K7Q2M9XD',
    description: 'The scanned QR text, `OPENDAY-TICKET:1:<ticketId>:<checkInCode>`; give this or code.',
  })
  qrPayload?: string;

  @ApiProperty({ pattern: '^[0-9]{3}[0-9Xx]$', example: '002X', description: 'Real-name check: the last 4 characters of the ID card shown.' })
  idLast4: string;
}

export class RevocationDoc {
  @ApiProperty({ minLength: 1, maxLength: 500, example: '本人来电申请取消' })
  reason: string;
}

class VenueDto {
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}

class AgendaItemDto implements TicketAgendaItem {
  @ApiProperty({ example: '09:20' }) startsAt: string;
  @ApiProperty({ example: '10:00' }) endsAt: string;
  @ApiProperty() activity: string;
  @ApiPropertyOptional({ type: String, nullable: true }) venue: string | null;
}

export class TicketDto implements TicketView {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date', description: 'Asia/Shanghai' }) date: string;
  @ApiProperty({ example: '09:00', description: 'Asia/Shanghai' }) startsAt: string;
  @ApiProperty({ example: '11:30', description: 'Asia/Shanghai' }) endsAt: string;
  @ApiProperty({ format: 'date-time' }) startsAtInstant: string;
  @ApiProperty() assemblyPoint: string;
  @ApiProperty({ example: '统一乘坐大巴', description: 'How people get there, as the plan says; empty when it says nothing' }) transport: string;
  @ApiProperty({ type: [VenueDto] }) venues: VenueDto[];
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItemDto[];
  @ApiProperty({ type: [String] }) notices: string[];
  @ApiProperty({ example: 'K7Q2M9XD' }) checkInCode: string;
  @ApiProperty({ example: 'OPENDAY-TICKET:1:b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f:K7Q2M9XD' }) qrPayload: string;
  @ApiProperty({ example: '张*三' }) maskedName: string;
  @ApiProperty({ description: 'Moved up from the waiting list.' }) promoted: boolean;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiPropertyOptional({ enum: TICKET_REVOCATION_REASONS, nullable: true }) revocationReason: TicketRevocationReason | null;
}

export class TicketPageDto implements TicketPage {
  @ApiProperty({ type: [TicketDto] }) items: TicketDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page.' }) nextCursor: string | null;
}

export class AttendanceEntryDto implements AttendanceEntry {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: '张*三' }) maskedName: string;
  @ApiProperty({ example: '110105********002X' }) maskedIdNumber: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiPropertyOptional({ enum: CHECK_IN_METHODS, nullable: true }) checkInMethod: CheckInMethod | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiPropertyOptional({ enum: TICKET_REVOCATION_REASONS, nullable: true }) revocationReason: TicketRevocationReason | null;
}

class RosterCountsDto implements RosterCounts {
  @ApiProperty() issued: number;
  @ApiProperty() checkedIn: number;
  @ApiProperty() noShow: number;
  @ApiProperty() revoked: number;
}

export class RosterPageDto implements RosterPage {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '09:00' }) startsAt: string;
  @ApiProperty({ example: '11:30' }) endsAt: string;
  @ApiProperty({ type: RosterCountsDto }) counts: RosterCountsDto;
  @ApiProperty({ type: [AttendanceEntryDto] }) items: AttendanceEntryDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}
