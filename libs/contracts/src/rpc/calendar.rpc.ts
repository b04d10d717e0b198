// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsDefined, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ActingRequest } from './plans.rpc';
import { IsFreeText } from '@openday/domain';

/** Request/reply operations of the working-day calendar, `rpc.scheduling.<operation>`. */
export const CalendarOperations = {
  get: 'working-calendar.get',
  change: 'working-calendar.change',
  filingDeadline: 'working-calendar.filing-deadline',
  coverage: 'working-calendar.coverage',
} as const;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dates = (property: string) => ({ each: true, message: `each of ${property} must be a calendar date as YYYY-MM-DD` });

export class CalendarQuery {
  /** One year only; all covered years when left out. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/**
 * What the city office adds or corrects. Each list says what the day is from now on:
 * a holiday, an adjusted working day (a weekend day worked, 调休), or an ordinary day
 * (listed by mistake: the plain Monday–Friday rule applies again). A new year is
 * added by listing it in coveredYears together with its holidays and adjusted days.
 */
export class CalendarChangeInput {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  coveredYears?: number[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @IsDateString({ strict: true }, dates('holidays'))
  @Matches(CALENDAR_DATE, dates('holidays'))
  holidays?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @IsDateString({ strict: true }, dates('adjustedWorkingDays'))
  @Matches(CALENDAR_DATE, dates('adjustedWorkingDays'))
  adjustedWorkingDays?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @IsDateString({ strict: true }, dates('ordinaryDays'))
  @Matches(CALENDAR_DATE, dates('ordinaryDays'))
  ordinaryDays?: string[];

  /** Why, e.g. "State Council notice 国办发明电〔2026〕x号". */
  @IsOptional()
  @IsFreeText({ maxLength: 500, multiline: true })
  note?: string;
}

export class ChangeCalendarRequest extends ActingRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => CalendarChangeInput)
  change: CalendarChangeInput;
}

export class FilingDeadlineQuery {
  @IsDateString({ strict: true }, { message: 'eventDate must be a calendar date as YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'eventDate must be a calendar date as YYYY-MM-DD' })
  eventDate: string;
}

export interface WorkingCalendarView {
  coveredYears: number[];
  /** Weekdays off (weekend days are off anyway). */
  holidays: string[];
  /** Weekend days that are worked (调休). */
  adjustedWorkingDays: string[];
}

export interface FilingDeadlineView {
  eventDate: string;
  workingDays: number;
  lastOnTimeFilingDate: string;
}

/** The city office's to-do: which years the working-day calendar must still be given. */
export interface CalendarCoverageView {
  /** Shanghai date the answer is for. */
  today: string;
  coveredYears: number[];
  /** Years to add now, oldest first; empty when the calendar is in order. */
  missingYears: number[];
  /** The current year itself is missing: working-day deadlines are refused (422) until it is added. */
  urgent: boolean;
  /** In words, for the to-do list; null when nothing is missing. */
  message: string | null;
}
