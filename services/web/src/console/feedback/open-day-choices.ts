/** Which of the agency's open days feedback and surveys are about, as plain functions. */
import type { components } from '../../api/schema';

type Plan = components['schemas']['PlanDto'];

export interface OpenDayChoice {
  openDayId: string;
  title: string;
  /** Asia/Shanghai date of the first session. */
  firstDate: string;
  cancelled: boolean;
}

/**
 * The open days a plan became (published, or cancelled after publication: its opinions stay),
 * the latest first.
 */
export function openDayChoices(plans: readonly Plan[]): OpenDayChoice[] {
  return plans
    .filter((plan): plan is Plan & { openDayId: string } => plan.openDayId !== null && (plan.status === 'published' || plan.status === 'cancelled'))
    .map((plan) => ({ openDayId: plan.openDayId, title: plan.title, firstDate: plan.firstSessionDate, cancelled: plan.status === 'cancelled' }))
    .sort((a, b) => b.firstDate.localeCompare(a.firstDate) || a.title.localeCompare(b.title));
}

/**
 * The open day to show: the one the address names when it is the agency's; otherwise the latest
 * that has begun (its opinions are the ones coming in), else the soonest ahead.
 */
export function chosenOpenDay(choices: readonly OpenDayChoice[], named: string | null, today: string): OpenDayChoice | undefined {
  const byName = choices.find((choice) => choice.openDayId === named);
  if (byName) return byName;
  const begun = choices.find((choice) => choice.firstDate <= today && !choice.cancelled);
  if (begun) return begun;
  const ahead = choices.filter((choice) => choice.firstDate > today && !choice.cancelled);
  return ahead[ahead.length - 1] ?? choices[0];
}
