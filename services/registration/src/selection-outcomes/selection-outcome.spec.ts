import { ApplicationRejectedV1, ApplicationSelectedV1, ApplicationWaitlistedV1 } from '@openday/contracts';
import { outcomeOf } from './selection-outcome';

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
