import { compareDates, toCalendarDate, type CalendarDate } from '../calendar/calendar-date';
import { ageOn } from './resident-id';

/** The plan's age limits (domain.md: "18+ or 18–65"), both inclusive; no upper limit when maxAge is null. */
export interface AgeBounds {
  minAge: number;
  maxAge: number | null;
}

export type AgeRule = 'age-below-minimum' | 'age-above-maximum';

export interface AgeProblem {
  rule: AgeRule;
  /** Age in whole years on the event day; -1 for someone born after it. */
  age: number;
}

/**
 * Whether someone born on `birthDate` may come on `eventDate`: age counts on the event day (the
 * session's date). Someone born after the event day counts as -1, too young for any limit, never
 * an error. Registration refuses by it, vetting rejects by it, the portal warns by it.
 */
export function ageProblem(birthDate: CalendarDate | string, eventDate: CalendarDate | string, bounds: AgeBounds): AgeProblem | null {
  const born = toCalendarDate(birthDate);
  const event = toCalendarDate(eventDate);
  const age = compareDates(event, born) < 0 ? -1 : ageOn(born, event);
  if (age < bounds.minAge) return { rule: 'age-below-minimum', age };
  if (bounds.maxAge !== null && age > bounds.maxAge) return { rule: 'age-above-maximum', age };
  return null;
}
