import { Plan, PlanHistoryEntry, PlanSession, PublicationTimer } from './plans/plan.entity';
import { WorkingCalendarChange, WorkingCalendarDay, WorkingCalendarYear } from './working-calendar/working-calendar.entities';
import { schedulingMigrations } from './migrations';
import { OpenDayChange } from './open-day-changes/open-day-change.entity';
import { District } from './districts/district.entity';

export const schedulingDatabase = {
  entities: [Plan, PlanSession, PlanHistoryEntry, PublicationTimer, WorkingCalendarYear, WorkingCalendarDay, WorkingCalendarChange, OpenDayChange, District],
  migrations: schedulingMigrations,
};
