import { ApiProperty } from '@nestjs/swagger';
import {
  APPLICANT_CATEGORIES,
  OPEN_DAY_FORMS,
  SELECTION_MODES,
  type CityCalendarDayView,
  type CityCalendarView,
  type Page,
  type PublicOpenDayView,
  type PublicSessionView,
} from '@openday/contracts';

class AgendaItemDto {
  @ApiProperty({ example: '09:00' }) startsAt: string;
  @ApiProperty({ example: '09:20' }) endsAt: string;
  @ApiProperty() activity: string;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
}

class PublicSessionDto implements PublicSessionView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ description: 'The places of this session.' }) capacity: number;
  @ApiProperty({ description: 'People who applied for this session and have not withdrawn; each member of a group counts.' }) applied: number;
  @ApiProperty({ description: 'Of those, the people selected so far.' }) selected: number;
  @ApiProperty({ type: Number, nullable: true, description: 'What a citizen may still hope for. first-come: capacity − selected (vetting decides each application as it arrives). lottery and selection-group: capacity − applied (applying takes no place; at 0 applications are still taken and a draw or review decides, compare applied with capacity). Never below 0; null when the open day has no selection mode.' })
  placesLeft: number | null;
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItemDto[];
}

class VenueDto {
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}

class QuotaDto {
  @ApiProperty({ enum: APPLICANT_CATEGORIES }) category: PublicOpenDayView['quotas'][number]['category'];
  @ApiProperty() places: number;
}

class EligibilityDto {
  @ApiProperty() minAge: number;
  @ApiProperty({ type: Number, nullable: true }) maxAge: number | null;
  @ApiProperty({ type: [String] }) districts: string[];
}

export class PublicOpenDayDto implements PublicOpenDayView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planId: string | null;
  @ApiProperty({ enum: ['published', 'cancelled'] }) status: PublicOpenDayView['status'];
  @ApiProperty() agencyId: string;
  @ApiProperty() title: string;
  @ApiProperty() theme: string;
  @ApiProperty({ enum: OPEN_DAY_FORMS, isArray: true }) forms: PublicOpenDayView['forms'];
  @ApiProperty({ format: 'date', description: 'First session, Asia/Shanghai' }) date: string;
  @ApiProperty({ format: 'date', description: 'Last session, Asia/Shanghai' }) endDate: string;
  @ApiProperty({ type: [PublicSessionDto] }) sessions: PublicSessionDto[];
  @ApiProperty({ description: 'The places of all sessions.' }) places: number;
  @ApiProperty({ description: 'Applications over all sessions (people, withdrawals excluded).' }) applied: number;
  @ApiProperty({ description: 'Selections over all sessions.' }) selected: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The sum of the sessions’ placesLeft; null when unknown (no selection mode, no sessions).' })
  placesLeft: number | null;
  @ApiProperty({ type: [VenueDto] }) venues: VenueDto[];
  @ApiProperty() assemblyPoint: string;
  @ApiProperty() transport: string;
  @ApiProperty({ type: [QuotaDto] }) quotas: QuotaDto[];
  @ApiProperty({ type: Number, nullable: true }) minOrdinaryShare: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) mediaOutsideQuota: boolean | null;
  @ApiProperty({ type: EligibilityDto, nullable: true }) eligibility: EligibilityDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registrationOpensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registrationClosesAt: string | null;
  @ApiProperty({ description: 'Whether the registration window is open now' }) openForApplications: boolean;
  @ApiProperty({ enum: SELECTION_MODES, nullable: true }) selectionMode: PublicOpenDayView['selectionMode'];
  @ApiProperty({ type: [String] }) notices: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) changedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancellationReason: string | null;
}

export class PublicOpenDayPageDto implements Page<PublicOpenDayView> {
  @ApiProperty({ type: [PublicOpenDayDto] }) items: PublicOpenDayDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor: string | null;
}

class CalendarEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: String, nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) endsAt: string | null;
}

class CityCalendarDayDto implements CityCalendarDayView {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null for a year the working-day calendar does not cover' }) workingDay: boolean | null;
  @ApiProperty() count: number;
  @ApiProperty({ type: [CalendarEntryDto] }) openDays: CalendarEntryDto[];
}

export class CityCalendarDto implements CityCalendarView {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: [CityCalendarDayDto] }) days: CityCalendarDayDto[];
}
