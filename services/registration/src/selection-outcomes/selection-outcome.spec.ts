import { ApplicationRejectedV1, ApplicationSelectedV1, ApplicationWaitlistedV1 } from '@openday/contracts';
import { latestOutcomes, outcomeOf } from './selection-outcome';

describe('outcomeOf', () => {
  const selected = ApplicationSelectedV1.contract.definition.example;
  const waitlisted = ApplicationWaitlistedV1.contract.definition.example;
  const rejected = ApplicationRejectedV1.contract.definition.example;

  it.each([
    ['selected', { type: 'selected' as const, data: selected }, { outcome: 'selected', reasonCode: null, waitlistPosition: null, decidedAt: new Date(selected.selectedAt) }],
    [
      'waitlisted',
      { type: 'waitlisted' as const, data: waitlisted },
      { outcome: 'waitlisted', reasonCode: waitlisted.reasonCode, waitlistPosition: waitlisted.position, decidedAt: new Date(waitlisted.waitlistedAt) },
    ],
    [
      'rejected',
      { type: 'rejected' as const, data: rejected },
      { outcome: 'rejected', reasonCode: rejected.reasonCode, waitlistPosition: null, decidedAt: new Date(rejected.rejectedAt) },
    ],
  ])('maps %s for the person it names', (_label, decision, expected) => {
    expect(outcomeOf(decision)).toEqual({ personId: decision.data.personId, ...expected });
  });
});

describe('latestOutcomes', () => {
  const at = (iso: string) => new Date(iso);
  const outcome = (personId: string, outcome: 'selected' | 'waitlisted' | 'rejected', decidedAt: string) => ({
    personId,
    outcome,
    reasonCode: null,
    waitlistPosition: null,
    decidedAt: at(decidedAt),
  });
  const waitlisted = outcome('a', 'waitlisted', '2026-11-20T10:00:00Z');
  const promoted = outcome('a', 'selected', '2026-11-21T10:00:00Z');
  const other = outcome('b', 'rejected', '2026-11-20T10:00:00Z');
  const sameInstant = outcome('A', 'rejected', '2026-11-21T10:00:00Z');

  it.each([
    ['one per person as they are', [waitlisted, other], [waitlisted, other]],
    ['the later decision of a person', [waitlisted, promoted, other], [promoted, other]],
    ['the later decision even when it came first', [promoted, waitlisted], [promoted]],
    ['of two at the same instant, the one that came later (person ids in any case)', [promoted, sameInstant], [sameInstant]],
    ['nothing of nothing', [], []],
  ])('keeps %s', (_label, given, kept) => {
    expect(latestOutcomes(given)).toEqual(kept);
  });
});
