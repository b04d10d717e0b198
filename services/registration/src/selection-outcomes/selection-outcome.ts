import type { ApplicationRejectedV1, ApplicationSelectedV1, ApplicationWaitlistedV1, SelectionOutcome } from '@openday/contracts';

export interface PersonOutcome {
  personId: string;
  outcome: Exclude<SelectionOutcome, 'pending'>;
  reasonCode: string | null;
  waitlistPosition: number | null;
  decidedAt: Date;
}

export type VettingDecision =
  | { type: 'selected'; data: ApplicationSelectedV1 }
  | { type: 'waitlisted'; data: ApplicationWaitlistedV1 }
  | { type: 'rejected'; data: ApplicationRejectedV1 };

/** What a citizen should see for one person after one of vetting's decisions. */
export function outcomeOf(decision: VettingDecision): PersonOutcome {
  switch (decision.type) {
    case 'selected':
      return { personId: decision.data.personId, outcome: 'selected', reasonCode: null, waitlistPosition: null, decidedAt: new Date(decision.data.selectedAt) };
    case 'waitlisted':
      return {
        personId: decision.data.personId,
        outcome: 'waitlisted',
        reasonCode: decision.data.reasonCode,
        waitlistPosition: decision.data.position,
        decidedAt: new Date(decision.data.waitlistedAt),
      };
    case 'rejected':
      return {
        personId: decision.data.personId,
        outcome: 'rejected',
        reasonCode: decision.data.reasonCode,
        waitlistPosition: null,
        decidedAt: new Date(decision.data.rejectedAt),
      };
  }
}

/**
 * Of a batch's outcomes (in stream order), each person's latest decision: a later decision wins
 * (a waitlisted person promoted, a selection refused in joint review), and of two made at the same
 * instant the one that came later, as when they are applied one by one.
 */
export function latestOutcomes(outcomes: readonly PersonOutcome[]): PersonOutcome[] {
  const latest = new Map<string, PersonOutcome>();
  for (const outcome of outcomes) {
    const person = outcome.personId.toLowerCase();
    const kept = latest.get(person);
    if (!kept || kept.decidedAt <= outcome.decidedAt) latest.set(person, outcome);
  }
  return [...latest.values()];
}
