import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  WorkingCalendarChangedV1,
  type Actor,
  type CalendarChangeInput,
  type CalendarCoverageView,
  type FilingDeadlineView,
  type WorkingCalendarView,
} from '@openday/contracts';
import {
  calendarCoverage,
  FILING_NOTICE_WORKING_DAYS,
  shanghaiDateOf,
  UncoveredYearError,
  WorkingDayCalendar,
  type CalendarDate,
} from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { Clock, problem } from '@openday/platform';
import { applyCalendarChange } from './calendar-changes';
import { addCoveredYears, recordCalendarChange, replaceCalendarDays, storedCalendar } from './working-calendar-store';

/** Serialises the city office's changes, so two at once cannot interleave their reads and writes. */
const CALENDAR_LOCK_KEY = 0x63616c; // "cal"

/**
 * The working-day calendar kept in scheduling's database: filing decisions
 * read it from here; the city office adds years and corrects days through it.
 */
@Injectable()
export class WorkingCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The calendar as stored now; pass the transaction's manager to read inside it. */
  async load(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    return new WorkingDayCalendar(await storedCalendar(manager));
  }

  async view(year?: number): Promise<WorkingCalendarView> {
    return toView(await this.load(), year);
  }

  /** City office only: add a year or correct days; the domain's rules decide what is valid. */
  async change(actor: Actor, change: CalendarChangeInput): Promise<WorkingCalendarView> {
    if (actor.role !== 'city-office') {
      throw problem('not-allowed', { detail: 'Only the city office keeps the working-day calendar.' });
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK_KEY]);
      const outcome = applyCalendarChange(await this.load(manager), change);
      if (!outcome.ok) {
        throw problem('invalid-input', { detail: 'The calendar change is not valid.', errors: outcome.problems });
      }
      const { changes } = outcome;
      const touched = [...(changes.holidays ?? []), ...(changes.adjustedWorkingDays ?? []), ...(changes.ordinaryDays ?? [])];
      await replaceCalendarDays(manager, touched, [
        ...(changes.holidays ?? []).map((date) => ({ date, kind: 'holiday' as const })),
        ...(changes.adjustedWorkingDays ?? []).map((date) => ({ date, kind: 'adjusted-working-day' as const })),
      ]);
      await addCoveredYears(manager, changes.coveredYears ?? []);
      await recordCalendarChange(manager, actor.userId, change.note ?? null, { ...changes });
      // Services that count working days (vetting, feedback) keep a copy: they learn the whole calendar.
      const data = outcome.calendar.toData();
      const announced = { coveredYears: [...data.coveredYears], holidays: [...data.holidays], adjustedWorkingDays: [...data.adjustedWorkingDays] };
      await this.outbox.add(manager, WorkingCalendarChangedV1.contract, { ...announced, changedAt: this.clock.now().toISOString() }, { aggregateId: 'working-calendar' });
      return toView(outcome.calendar);
    });
  }

  /** From 1 November the next year must be there too; the city office's to-do list shows what is missing. */
  async coverage(): Promise<CalendarCoverageView> {
    const today = shanghaiDateOf(this.clock.now());
    const { coveredYears } = await this.load();
    const { missingYears, urgent } = calendarCoverage(coveredYears, today);
    return { today, coveredYears: [...coveredYears], missingYears, urgent, message: coverageMessage(missingYears, urgent) };
  }

  async filingDeadline(eventDate: string): Promise<FilingDeadlineView> {
    const calendar = await this.load();
    try {
      const lastOnTimeFilingDate = calendar.lastOnTimeFilingDate(eventDate as CalendarDate, FILING_NOTICE_WORKING_DAYS);
      return { eventDate, workingDays: FILING_NOTICE_WORKING_DAYS, lastOnTimeFilingDate };
    } catch (error) {
      throw uncoveredYearProblem(error);
    }
  }
}

/** A year the calendar lacks is the city office's to add: 422 saying so; anything else is rethrown. */
export function uncoveredYearProblem(error: unknown): unknown {
  if (!(error instanceof UncoveredYearError)) return error;
  return problem('calendar-year-missing', {
    detail: `The working-day calendar has no official schedule for ${error.year} yet; the city office must add that year before plans for it can be filed.`,
  });
}

function coverageMessage(missingYears: number[], urgent: boolean): string | null {
  if (missingYears.length === 0) return null;
  const years = missingYears.join(' and ');
  return urgent
    ? `The working-day calendar has no official schedule for ${years}: filing deadlines, answers to applicants and feedback due dates in it are refused until the city office adds it.`
    : `Add the official schedule for ${years} (holidays and adjusted working days) before deadlines reach into it.`;
}

function toView(calendar: WorkingDayCalendar, year?: number): WorkingCalendarView {
  const data = calendar.toData();
  const inYear = (date: string) => year === undefined || date.startsWith(`${year}-`);
  return {
    coveredYears: data.coveredYears.filter((y) => year === undefined || y === year),
    holidays: data.holidays.filter(inYear),
    adjustedWorkingDays: data.adjustedWorkingDays.filter(inYear),
  };
}
