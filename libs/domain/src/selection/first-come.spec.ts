import { SelectionCategory } from './categories';
import { AllocationPlan } from './allocation-plan';
import { allocate } from './allocate';
import { closeArrivals, decideOnArrival, openSelection } from './first-come';
import { Candidate, Decision, SelectionState } from './selection-state';

const CATEGORY_BY_LETTER: Record<string, SelectionCategory> = {
  O: 'ordinary-citizen',
  C: 'congress-deputy',
  P: 'party-member',
  V: 'village-cadre',
  M: 'media',
  X: 'other',
};

/** 'O1 C1' → an ordinary citizen O1, then a congress deputy C1. */
function candidates(list: string): Candidate[] {
  return list.split(' ').map((applicationId) => ({ applicationId, category: CATEGORY_BY_LETTER[applicationId[0]] }));
}

function plan(change: Partial<AllocationPlan>): AllocationPlan {
  return { capacity: 3, quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: true, mediaPlacesOutsideQuota: 0, ...change };
}

function arrive(state: SelectionState, list: string): { state: SelectionState; decisions: string[] } {
  const decisions: string[] = [];
  for (const candidate of candidates(list)) {
    const next = decideOnArrival(state, candidate);
    state = next.state;
    decisions.push(summarise(next.decision));
  }
  return { state, decisions };
}

function summarise(decision: Decision): string {
  return 'reason' in decision ? `${decision.outcome}: ${decision.reason}` : decision.outcome;
}

function ids(list: readonly Candidate[]): string {
  return list.map((candidate) => candidate.applicationId).join(' ');
}

describe('decideOnArrival', () => {
  it.each<{ rule: string; plan: Partial<AllocationPlan>; arrivals: string; decisions: string[] }>([
    {
      rule: 'selects in arrival order up to the capacity, then waitlists',
      plan: { capacity: 3 },
      arrivals: 'O1 C1 P1 C2',
      decisions: ['selected', 'selected', 'selected', 'waitlisted: capacity-full'],
    },
    {
      rule: 'holds each category to its quota',
      plan: { capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 1 }] },
      arrivals: 'C1 C2 O1 O2 O3',
      decisions: ['selected', 'waitlisted: category-quota-full', 'selected', 'selected', 'waitlisted: category-quota-full'],
    },
    {
      rule: 'rejects a category the quotas give no places',
      plan: { capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 1 }] },
      arrivals: 'P1 O1',
      decisions: ['rejected: no-places-for-category', 'selected'],
    },
    {
      rule: 'rejects a category whose quota is 0',
      plan: { capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 3 }, { category: 'other', places: 0 }] },
      arrivals: 'X1',
      decisions: ['rejected: no-places-for-category'],
    },
    {
      rule: 'keeps ceil(1/3 × 6) = 2 places for ordinary citizens while others arrive first',
      plan: { capacity: 6, minOrdinaryShare: 1 / 3 },
      arrivals: 'C1 P1 V1 X1 C2 O1 O2 O3',
      decisions: [
        'selected', 'selected', 'selected', 'selected',
        'waitlisted: reserved-for-ordinary-citizens',
        'selected', 'selected',
        'waitlisted: capacity-full',
      ],
    },
    {
      rule: 'lets ordinary citizens take any place, the reserved ones too',
      plan: { capacity: 3, minOrdinaryShare: 1 / 3 },
      arrivals: 'O1 O2 O3 C1',
      decisions: ['selected', 'selected', 'selected', 'waitlisted: capacity-full'],
    },
    {
      rule: 'with a share of 1, only ordinary citizens',
      plan: { capacity: 2, minOrdinaryShare: 1 },
      arrivals: 'C1 O1',
      decisions: ['waitlisted: reserved-for-ordinary-citizens', 'selected'],
    },
    {
      rule: 'selects media outside the quota up to their own number; they take no place',
      plan: { capacity: 1, mediaPlacesOutsideQuota: 2 },
      arrivals: 'M1 O1 M2 M3 C1',
      decisions: ['selected-outside-quota', 'selected', 'selected-outside-quota', 'waitlisted: media-places-full', 'waitlisted: capacity-full'],
    },
    {
      rule: 'rejects media outside the quota when they have no places',
      plan: { mediaPlacesOutsideQuota: 0 },
      arrivals: 'M1',
      decisions: ['rejected: no-places-for-category'],
    },
    {
      rule: 'treats media inside the quota as any category',
      plan: { capacity: 3, mediaOutsideQuota: false, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'media', places: 1 }] },
      arrivals: 'M1 M2 O1',
      decisions: ['selected', 'waitlisted: category-quota-full', 'selected'],
    },
    {
      rule: 'rejects media inside the quota when the quotas leave them out',
      plan: { mediaOutsideQuota: false, mediaPlacesOutsideQuota: 5, quotas: [{ category: 'ordinary-citizen', places: 3 }] },
      arrivals: 'M1',
      decisions: ['rejected: no-places-for-category'],
    },
  ])('$rule', ({ plan: change, arrivals, decisions }) => {
    expect(arrive(openSelection(plan(change)), arrivals).decisions).toEqual(decisions);
  });

  it('refuses an application it has already decided on', () => {
    const { state } = arrive(openSelection(plan({})), 'O1');
    expect(() => decideOnArrival(state, candidates('O1')[0])).toThrow('Application O1 was already decided');
  });

  it('refuses arrivals once they are closed', () => {
    const { state } = closeArrivals(openSelection(plan({})));
    expect(() => decideOnArrival(state, candidates('O1')[0])).toThrow('Arrivals are closed');
  });

  it('refuses to open a selection for a broken plan', () => {
    expect(() => openSelection(plan({ capacity: -1 }))).toThrow('Invalid allocation plan');
  });
});

describe('closeArrivals', () => {
  it('gives places held for ordinary citizens who never came to those waiting, in order', () => {
    const { state } = arrive(openSelection(plan({ capacity: 6, minOrdinaryShare: 1 / 3 })), 'C1 C2 C3 C4 C5 O1 P1');
    expect(ids(state.selected)).toBe('C1 C2 C3 C4 O1');

    const closed = closeArrivals(state);

    expect(ids(closed.promoted)).toBe('C5');
    expect(ids(closed.state.selected)).toBe('C1 C2 C3 C4 O1 C5');
    expect(closed.state.waitlisted.map((entry) => entry.candidate.applicationId)).toEqual(['P1']);
  });

  it('selects the same people as allocate does for the same arrivals', () => {
    const sessionPlan = plan({ capacity: 6, minOrdinaryShare: 1 / 2, mediaPlacesOutsideQuota: 1 });
    const arrivals = 'C1 M1 P1 C2 P2 O1 M2 X1 O2';
    const firstCome = closeArrivals(arrive(openSelection(sessionPlan), arrivals).state).state;
    const allAtOnce = allocate(sessionPlan, candidates(arrivals));

    expect(ids(firstCome.selected).split(' ').sort()).toEqual(ids(allAtOnce.selected).split(' ').sort());
    expect(ids(firstCome.selectedOutsideQuota)).toBe(ids(allAtOnce.selectedOutsideQuota));
  });
});
