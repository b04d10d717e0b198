import type { PlanInput } from '@openday/contracts';
import { examplePlan } from '@openday/domain';

/** libs/domain's example plan (the water works visit) as the API takes it; see examplePlan. */
export function samplePlan(eventDate?: string, options?: { publishDaysBefore?: number }): PlanInput {
  return examplePlan(eventDate, options) as PlanInput;
}
