/**
 * What an agency may do with a plan in each state (the platform's filing rules), the filing date
 * against today, and the list's order, as plain functions.
 */
import { daysUntil } from '../todo/todo-items';
import type { Plan } from './plan-form';

export type PlanStatus = Plan['status'];
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published', 'cancelled'];

export type PlanCommand = 'edit' | 'submit' | 'delete' | 'change' | 'cancel';

/** The commands the agency has in each state (scheduling's FILING_RULES for the agency's side). */
const COMMANDS: Record<PlanStatus, readonly PlanCommand[]> = {
  draft: ['edit', 'submit', 'delete'],
  returned: ['edit', 'submit'],
  submitted: [],
  approved: [],
  published: ['change', 'cancel'],
  cancelled: [],
};

export function commandsFor(status: PlanStatus): readonly PlanCommand[] {
  return COMMANDS[status] ?? [];
}

export function can(status: PlanStatus, command: PlanCommand): boolean {
  return commandsFor(status).includes(command);
}

export type FilingState =
  /** No event date typed yet, or the calendar does not cover its year. */
  | { kind: 'unknown' }
  | { kind: 'on-time'; daysLeft: number }
  | { kind: 'last-day' }
  | { kind: 'late'; daysLate: number };

/** Today against the last on-time filing date (5 working days before the event). */
export function filingState(lastOnTimeFilingDate: string | null | undefined, today: string): FilingState {
  if (!lastOnTimeFilingDate) return { kind: 'unknown' };
  const days = daysUntil(lastOnTimeFilingDate, today);
  if (days < 0) return { kind: 'late', daysLate: -days };
  if (days === 0) return { kind: 'last-day' };
  return { kind: 'on-time', daysLeft: days };
}

/** The plan's session dates, each once, in order. */
export function eventDates(plan: Pick<Plan, 'sessions'>): string[] {
  return [...new Set(plan.sessions.map((session) => session.date))].sort();
}

/** The agency's list: plans that wait for the agency first (returned, then drafts), then by event date, newest change first. */
export function agencyPlanOrder(plans: readonly Plan[]): Plan[] {
  const weight: Record<PlanStatus, number> = { returned: 0, draft: 1, submitted: 2, approved: 3, published: 4, cancelled: 5 };
  return [...plans].sort(
    (a, b) => weight[a.status] - weight[b.status] || a.firstSessionDate.localeCompare(b.firstSessionDate) || b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** The plan id in a console path's parameter, when it looks like one. */
export function planIdFrom(value: string | undefined): string | null {
  return value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : null;
}

/** The city office's latest comments on a returned plan (from its history), for the agency to act on. */
export function latestReturnComments(history: ReadonlyArray<{ action: string; comments: string | null }>): string | null {
  const returned = [...history].reverse().find((entry) => entry.action === 'returned');
  return returned?.comments ?? null;
}
