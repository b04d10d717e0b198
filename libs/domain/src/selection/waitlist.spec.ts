import { SelectionCategory } from './categories';
import { AllocationPlan } from './allocation-plan';
import { allocate } from './allocate';
import { decideOnArrival, openSelection } from './first-come';
import { Candidate, SelectionState } from './selection-state';
import { ordinaryShortfall } from './shortfall';
import { promoteFromWaitlist, releaseUnclaimable } from './waitlist';

const CATEGORY_BY_LETTER: Record<string, SelectionCategory> = {
  O: 'ordinary-citizen',
  C: 'congress-deputy',
  P: 'party-member',
  M: 'media',
};

/** 'O1 C1' → an ordinary citizen O1, then a congress deputy C1. */
function candidates(list: string): Candidate[] {
  return list.split(' ').map((applicationId) => ({ applicationId, category: CATEGORY_BY_LETTER[applicationId[0]] }));
}

function plan(change: Partial<AllocationPlan>): AllocationPlan {
  return { capacity: 3, quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: true, mediaPlacesOutsideQuota: 0, ...change };
}

function ids(list: readonly Candidate[]): string {
  return list.map((candidate) => candidate.applicationId).join(' ');
}

function firstCome(sessionPlan: AllocationPlan, arrivals: string): SelectionState {
  return candidates(arrivals).reduce((state, candidate) => decideOnArrival(state, candidate).state, openSelection(sessionPlan));
}

const QUOTAS_O2_C1 = plan({ capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 1 }] });

describe('promoteFromWaitlist', () => {
  it.each<{ rule: string; state: SelectionState; withdrawn: string; promoted: string | null; skipped: string[]; selected: string }>([
    {
      rule: 'the first who fits the quotas moves up; those ahead who do not are skipped with the reason',
      state: allocate(QUOTAS_O2_C1, candidates('O1 O2 C1 C2 O3 O4')),
      withdrawn: 'O1',
      promoted: 'O3',
      skipped: ['C2 category-quota-full'],
      selected: 'O2 C1 O3',
    },
    {
      rule: 'a freed media place goes to the first media waiting',
      state: allocate(plan({ capacity: 1, mediaPlacesOutsideQuota: 1 }), candidates('M1 O1 C1 M2')),
      withdrawn: 'M1',
      promoted: 'M2',
      skipped: ['C1 capacity-full'],
      selected: 'O1',
    },
    {
      rule: 'nobody moves up when nobody fits',
      state: allocate(QUOTAS_O2_C1, candidates('O1 O2 C1 C2 C3')),
      withdrawn: 'O2',
      promoted: null,
      skipped: ['C2 category-quota-full', 'C3 category-quota-full'],
      selected: 'O1 C1',
    },
    {
      rule: 'while arrivals are open, the place stays held for ordinary citizens still to come',
      state: firstCome(plan({ capacity: 4, minOrdinaryShare: 1 / 2 }), 'O1 O2 C1 C2 C3'),
      withdrawn: 'O1',
      promoted: null,
      skipped: ['C3 reserved-for-ordinary-citizens'],
      selected: 'O2 C1 C2',
    },
    {
      rule: 'once arrivals are closed, a place no ordinary citizen can claim goes to the next in line',
      state: allocate(plan({ capacity: 4, minOrdinaryShare: 1 / 2 }), candidates('O1 O2 C1 C2 C3')),
      withdrawn: 'O1',
      promoted: 'C3',
      skipped: [],
      selected: 'O2 C1 C2 C3',
    },
    {
      rule: 'once arrivals are closed, an ordinary citizen waiting still claims the place held for them',
      state: allocate(plan({ capacity: 4, minOrdinaryShare: 1 / 2 }), candidates('O1 O2 C1 C2 C3 O3')),
      withdrawn: 'O1',
      promoted: 'O3',
      skipped: ['C3 reserved-for-ordinary-citizens'],
      selected: 'O2 C1 C2 O3',
    },
  ])('$rule', ({ state, withdrawn, promoted, skipped, selected }) => {
    const promotion = promoteFromWaitlist(state, withdrawn);

    expect(promotion.promoted?.applicationId ?? null).toBe(promoted);
    expect(promotion.skipped.map((entry) => `${entry.candidate.applicationId} ${entry.reason}`)).toEqual(skipped);
    expect(ids(promotion.state.selected)).toBe(selected);
    expect(promotion.state.waitlisted.map((entry) => entry.candidate.applicationId)).not.toContain(promoted);
  });

  it('reports the shortfall when no ordinary citizen is left to take a freed place', () => {
    const promotion = promoteFromWaitlist(allocate(plan({ capacity: 4, minOrdinaryShare: 1 / 2 }), candidates('O1 O2 C1 C2 C3')), 'O1');

    expect(ordinaryShortfall(promotion.state)).toEqual({
      ordinaryShareMet: false,
      required: 2,
      selectedOrdinary: 1,
      placesTaken: 4,
      cause: 'not-enough-ordinary-candidates',
    });
  });

  it.each([
    ['nobody by that id', 'O9'],
    ['someone waiting', 'C2'],
  ])('refuses the withdrawal of %s, which frees no place', (_label, applicationId) => {
    const state = allocate(QUOTAS_O2_C1, candidates('O1 O2 C1 C2'));
    expect(() => promoteFromWaitlist(state, applicationId)).toThrow(`Application ${applicationId} is not selected`);
  });
});

describe('releaseUnclaimable (arrivals closed: places held for ordinary citizens nobody can claim)', () => {
  // A third of 6 places is 2 for ordinary citizens; without any applying, they are released.
  const SHARE = plan({ capacity: 6, minOrdinaryShare: 1 / 3 });
  it.each<{ rule: string; arrivals: string; stillToDecide: string; reserved: number }>([
    { rule: 'no ordinary citizen selected, waiting or still to decide: all released', arrivals: 'C1 C2 C3 C4 C5', stillToDecide: '', reserved: 0 },
    { rule: 'one ordinary citizen selected: one kept', arrivals: 'O1 C1 C2 C3 C4', stillToDecide: '', reserved: 1 },
    { rule: 'an ordinary citizen the selection group has still to decide on keeps their place', arrivals: 'C1 C2 C3 C4', stillToDecide: 'O9', reserved: 1 },
    { rule: 'never raised above what was held', arrivals: 'O1 O2 C1', stillToDecide: 'O8 O9', reserved: 2 },
  ])('$rule', ({ arrivals, stillToDecide, reserved }) => {
    const state = { ...firstCome(SHARE, arrivals), arrivalsClosed: true };
    const released = releaseUnclaimable(state, stillToDecide ? candidates(stillToDecide) : []);
    expect(released.reservedForOrdinary).toBe(reserved);
  });
});
