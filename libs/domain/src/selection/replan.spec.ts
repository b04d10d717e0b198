import { SelectionCategory } from './categories';
import { AllocationPlan } from './allocation-plan';
import { allocate } from './allocate';
import { decideOnArrival, openSelection } from './first-come';
import { release, replan } from './replan';
import { Candidate, SelectionState } from './selection-state';

const CATEGORY_BY_LETTER: Record<string, SelectionCategory> = { O: 'ordinary-citizen', C: 'congress-deputy', P: 'party-member' };

/** 'O1 C1' → an ordinary citizen O1, then a congress deputy C1. */
function candidates(list: string): Candidate[] {
  return list === '' ? [] : list.split(' ').map((applicationId) => ({ applicationId, category: CATEGORY_BY_LETTER[applicationId[0]] }));
}

function plan(change: Partial<AllocationPlan>): AllocationPlan {
  return { capacity: 3, quotas: [], minOrdinaryShare: 0, mediaOutsideQuota: true, mediaPlacesOutsideQuota: 0, ...change };
}

function firstCome(sessionPlan: AllocationPlan, arrivals: string): SelectionState {
  return candidates(arrivals).reduce((state, candidate) => decideOnArrival(state, candidate).state, openSelection(sessionPlan));
}

const ids = (list: readonly Candidate[]) => list.map((candidate) => candidate.applicationId).join(' ');

describe('replan (a published session’s places or quotas change)', () => {
  it.each<{ rule: string; state: SelectionState; plan: AllocationPlan; undecided?: string; selected: string; waitlisted: string; promoted: string; rejected?: string; over: number }>([
    {
      rule: 'a raised capacity moves the waiting list up in order',
      state: firstCome(plan({ capacity: 2 }), 'O1 O2 O3 O4 O5'),
      plan: plan({ capacity: 4 }),
      selected: 'O1 O2 O3 O4',
      waitlisted: 'O5',
      promoted: 'O3 O4',
      over: 0,
    },
    {
      rule: 'a raised capacity and quota move up those the old quota stopped',
      state: allocate(plan({ capacity: 2, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 0 }] }), candidates('O1 O2 O3')),
      plan: plan({ capacity: 4, quotas: [{ category: 'ordinary-citizen', places: 3 }, { category: 'congress-deputy', places: 1 }] }),
      selected: 'O1 O2 O3',
      waitlisted: '',
      promoted: 'O3',
      over: 0,
    },
    {
      rule: 'a raised quota lets a waiting category move up',
      state: allocate(plan({ capacity: 4, quotas: [{ category: 'ordinary-citizen', places: 3 }, { category: 'congress-deputy', places: 1 }] }), candidates('O1 C1 C2 O2')),
      plan: plan({ capacity: 4, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 2 }] }),
      selected: 'O1 C1 O2 C2',
      waitlisted: '',
      promoted: 'C2',
      over: 0,
    },
    {
      rule: 'a lowered capacity drops nobody selected and moves nobody up',
      state: firstCome(plan({ capacity: 4 }), 'O1 O2 O3 O4 O5'),
      plan: plan({ capacity: 2 }),
      selected: 'O1 O2 O3 O4',
      waitlisted: 'O5',
      promoted: '',
      over: 2,
    },
    {
      rule: 'a lowered capacity still filled to it moves nobody up',
      state: firstCome(plan({ capacity: 3 }), 'O1 O2 O3 O4'),
      plan: plan({ capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 2 }] }),
      selected: 'O1 O2 O3',
      waitlisted: 'O4',
      promoted: '',
      over: 0,
    },
    {
      rule: 'a category the new plan gives no places: its waiting are rejected, its selected stay',
      state: allocate(plan({ capacity: 2, quotas: [{ category: 'ordinary-citizen', places: 1 }, { category: 'congress-deputy', places: 1 }] }), candidates('O1 C1 C2')),
      plan: plan({ capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 3 }] }),
      selected: 'O1 C1',
      waitlisted: '',
      rejected: 'C2',
      promoted: '',
      over: 0,
    },
    {
      rule: 'a raised share keeps the new places for ordinary citizens while arrivals are open',
      state: firstCome(plan({ capacity: 2 }), 'C1 C2 C3'),
      plan: plan({ capacity: 4, minOrdinaryShare: 1 / 2 }),
      selected: 'C1 C2',
      waitlisted: 'C3',
      promoted: '',
      over: 0,
    },
    {
      rule: 'once arrivals are closed, places nobody waiting can claim go to the others',
      state: allocate(plan({ capacity: 2 }), candidates('C1 C2 C3')),
      plan: plan({ capacity: 4, minOrdinaryShare: 1 / 2 }),
      selected: 'C1 C2 C3',
      waitlisted: '',
      promoted: 'C3',
      over: 0,
    },
    {
      rule: 'once arrivals are closed, ordinary citizens the group has still to choose keep their places',
      state: allocate(plan({ capacity: 2 }), candidates('C1 C2 C3')),
      plan: plan({ capacity: 4, minOrdinaryShare: 1 / 2 }),
      undecided: 'O1 O2',
      selected: 'C1 C2',
      waitlisted: 'C3',
      promoted: '',
      over: 0,
    },
    {
      rule: 'the same plan changes nothing',
      state: firstCome(plan({ capacity: 2 }), 'O1 O2 O3'),
      plan: plan({ capacity: 2 }),
      selected: 'O1 O2',
      waitlisted: 'O3',
      promoted: '',
      over: 0,
    },
  ])('$rule', ({ state, plan: next, undecided, selected, waitlisted, promoted, rejected, over }) => {
    const result = replan(state, next, candidates(undecided ?? ''));

    expect(ids(result.state.selected)).toBe(selected);
    expect(ids(result.state.waitlisted.map((entry) => entry.candidate))).toBe(waitlisted);
    expect(ids(result.promoted)).toBe(promoted);
    expect(ids(result.state.rejected.map((entry) => entry.candidate))).toBe(rejected ?? '');
    expect(result.overCapacity).toBe(over);
    expect(result.state.plan).toEqual(next);
  });

  it('refuses a plan no session can be allocated by', () => {
    expect(() => replan(firstCome(plan({}), 'O1'), plan({ capacity: 0 }))).toThrow(/Capacity must be/);
  });
});

describe('release (the agency gives up selected people’s places to lower the capacity)', () => {
  it.each<{ rule: string; released: string; selected: string; waitlisted: string; promoted: string }>([
    { rule: 'released to the new capacity: they leave, nobody moves up', released: 'O2', selected: 'O1 O3', waitlisted: 'O4', promoted: '' },
    { rule: 'released below the new capacity: the freed place goes to the first waiting', released: 'O2 O3', selected: 'O1 O4', waitlisted: '', promoted: 'O4' },
    { rule: 'someone not selected: nothing changes', released: 'O4', selected: 'O1 O2 O3', waitlisted: 'O4', promoted: '' },
  ])('$rule', ({ released, selected, waitlisted, promoted }) => {
    const before = firstCome(plan({ capacity: 3 }), 'O1 O2 O3 O4');
    const result = replan(release(before, released.split(' ')), plan({ capacity: 2 }));

    expect(ids(result.state.selected)).toBe(selected);
    expect(ids(result.state.waitlisted.map((entry) => entry.candidate))).toBe(waitlisted);
    expect(ids(result.promoted)).toBe(promoted);
  });
});
