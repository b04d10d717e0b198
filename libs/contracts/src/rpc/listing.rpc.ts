// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  OPEN_DAY_FORMS,
  type ApplicantCategory,
  type OpenDayForm,
  type SelectionMode,
} from '../events/scheduling/open-day-published.v2';
import { QueryBoolean, type AgendaItemView } from './plans.rpc';
import { PageQuery } from './page-query';
import { IsFreeText } from '@openday/domain';

/** The anonymous public listing and city-wide calendar, `rpc.scheduling.<operation>`. */
export const ListingOperations = {
  list: 'public-open-days.list',
  get: 'public-open-days.get',
  calendar: 'public-open-days.calendar',
} as const;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOnly = (property: string) => ({ message: `${property} must be a calendar date as YYYY-MM-DD (Asia/Shanghai)` });

/** Filters of the public listing; every one is optional and they combine with AND. */
export class PublicOpenDayQuery extends PageQuery {
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId?: string;

  /** Open days with a session on or after this date. */
  @IsOptional()
  @IsDateString({ strict: true }, dateOnly('from'))
  @Matches(CALENDAR_DATE, dateOnly('from'))
  from?: string;

  /** Open days with a session on or before this date. */
  @IsOptional()
  @IsDateString({ strict: true }, dateOnly('to'))
  @Matches(CALENDAR_DATE, dateOnly('to'))
  to?: string;

  @IsOptional()
  @IsIn(OPEN_DAY_FORMS)
  form?: OpenDayForm;

  /** Open days a resident of this district may apply for (those open to the whole city included). */
  @IsOptional()
  @IsFreeText({ maxLength: 64 })
  district?: string;

  /** Only those whose registration window is open now. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  openNow?: boolean;

  /** Words from the title or theme; Chinese needs no spaces. */
  @IsOptional()
  @IsFreeText({ maxLength: 100 })
  q?: string;
}

export class PublicOpenDayIdRequest {
  @IsUUID()
  id: string;
}

export class CityCalendarQuery {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month as YYYY-MM' })
  month: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId?: string;

  @IsOptional()
  @IsIn(OPEN_DAY_FORMS)
  form?: OpenDayForm;

  @IsOptional()
  @IsFreeText({ maxLength: 64 })
  district?: string;
}

export interface PublicSessionView {
  sessionId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** People who applied for this session and have not withdrawn (each group member counts). */
  applied: number;
  /** Of those, the people vetting has selected so far. */
  selected: number;
  /** See placesLeft() in @openday/domain: first-come capacity − selected, lottery and selection-group capacity − applied, never below 0; null without a selection mode. */
  placesLeft: number | null;
  agenda: AgendaItemView[];
}

/** What anyone may see of a published open day. Open days of the walking slice (no plan) carry only the basics. */
export interface PublicOpenDayView {
  id: string;
  planId: string | null;
  status: 'published' | 'cancelled';
  agencyId: string;
  title: string;
  theme: string;
  forms: OpenDayForm[];
  /** First and last session dates, Asia/Shanghai. */
  date: string;
  endDate: string;
  sessions: PublicSessionView[];
  /** Totals over the sessions: their capacities, applications and selections; placesLeft null when unknown. */
  places: number;
  applied: number;
  selected: number;
  placesLeft: number | null;
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  transport: string;
  quotas: Array<{ category: ApplicantCategory; places: number }>;
  minOrdinaryShare: number | null;
  mediaOutsideQuota: boolean | null;
  eligibility: { minAge: number; maxAge: number | null; districts: string[] } | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  /** Whether the registration window is open at the time of the answer. */
  openForApplications: boolean;
  selectionMode: SelectionMode | null;
  notices: string[];
  publishedAt: string;
  changedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
}

export interface CityCalendarDayView {
  date: string;
  /** From the working-day calendar; null for a year it does not cover. */
  workingDay: boolean | null;
  count: number;
  openDays: Array<{ id: string; title: string; agencyId: string; startsAt: string | null; endsAt: string | null }>;
}

export interface CityCalendarView {
  month: string;
  days: CityCalendarDayView[];
}
