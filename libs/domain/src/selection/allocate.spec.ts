import { SelectionCategory } from './categories';
import { AllocationPlan } from './allocation-plan';
import { allocate } from './allocate';
import { Candidate } from './selection-state';

const CATEGORY_BY_LETTER: Record<string, SelectionCategory> = {
  O: 'ordinary-citizen',
  C: 'congress-deputy',
  P: 'party-member',
  V: 'village-cadre',
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

function numbered(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join(' ');
}

describe('allocate', () => {
  it.each<{ rule: string; plan: Partial<AllocationPlan>; order: string; selected: string; waitlisted: string[]; rejected?: string[] }>([
    {
      rule: 'follows the order within each category',
      plan: { capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 1 }] },
      order: 'O3 C2 O1 C1 O2',
      selected: 'O3 C2 O1',
      waitlisted: ['C1 category-quota-full', 'O2 category-quota-full'],
    },
    {
      rule: 'rejects categories without places',
      plan: { capacity: 3, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'congress-deputy', places: 1 }] },
      order: 'P1 O1 M1',
      selected: 'O1',
      waitlisted: [],
      rejected: ['P1 no-places-for-category', 'M1 no-places-for-category'],
    },
    {
      rule: 'keeps ceil(1/3 × 9) = 3 places for the ordinary citizens who applied',
      plan: { capacity: 9, minOrdinaryShare: 1 / 3 },
      order: 'C1 C2 C3 P1 P2 P3 V1 O1 O2 O3 O4',
      selected: 'C1 C2 C3 P1 P2 P3 O1 O2 O3',
      waitlisted: ['V1 reserved-for-ordinary-citizens', 'O4 capacity-full'],
    },
    {
      rule: 'holds back no one when few apply: ceil(1/3 × 3) = 1 place kept, and 1 ordinary citizen came',
      plan: { capacity: 20, minOrdinaryShare: 1 / 3 },
      order: 'C1 C2 O1',
      selected: 'C1 C2 O1',
      waitlisted: [],
    },
    {
      rule: 'keeps no more places than the ordinary citizens who applied can take',
      plan: { capacity: 4, minOrdinaryShare: 1 / 2 },
      order: 'C1 C2 C3 C4 O1',
      selected: 'C1 C2 C3 O1',
      waitlisted: ['C4 reserved-for-ordinary-citizens'],
    },
    {
      rule: 'without a minimum share, the order alone decides',
      plan: { capacity: 2 },
      order: 'C1 C2 O1',
      selected: 'C1 C2',
      waitlisted: ['O1 capacity-full'],
    },
    {
      rule: 'seats media outside the quota beside a full session',
      plan: { capacity: 2, mediaPlacesOutsideQuota: 1 },
      order: 'M1 O1 O2 M2 O3',
      selected: 'O1 O2',
      waitlisted: ['M2 media-places-full', 'O3 capacity-full'],
    },
  ])('$rule', ({ plan: change, order, selected, waitlisted, rejected = [] }) => {
    const result = allocate(plan(change), candidates(order));

    expect(ids(result.selected)).toBe(selected);
    expect(result.waitlisted.map((entry) => `${entry.candidate.applicationId} ${entry.reason}`)).toEqual(waitlisted);
    expect(result.rejected.map((rejection) => `${rejection.candidate.applicationId} ${rejection.reason}`)).toEqual(rejected);
  });

  it("domain.md's example: 5 of each category fill the 20 places, and the one-third shortfall is reported", () => {
    const quotas = (['ordinary-citizen', 'congress-deputy', 'party-member', 'village-cadre'] as const).map((category) => ({ category, places: 5 }));
    const everyCategoryInTurn = Array.from({ length: 8 }, (_, i) => `O${i + 1} C${i + 1} P${i + 1} V${i + 1}`).join(' ');

    const result = allocate(
      plan({ capacity: 20, quotas, minOrdinaryShare: 1 / 3, mediaPlacesOutsideQuota: 2 }),
      candidates(`M1 ${everyCategoryInTurn} M2 M3`),
    );

    expect(ids(result.selected)).toBe(Array.from({ length: 5 }, (_, i) => `O${i + 1} C${i + 1} P${i + 1} V${i + 1}`).join(' '));
    expect(ids(result.selectedOutsideQuota)).toBe('M1 M2');
    expect(result.waitlisted).toHaveLength(13);
    expect(result.shortfall).toEqual({
      ordinaryShareMet: false,
      required: 7,
      selectedOrdinary: 5,
      placesTaken: 20,
      cause: 'ordinary-quota-below-minimum-share',
    });
  });

  it('too few ordinary citizens: the other places are filled and the shortfall is reported', () => {
    const result = allocate(
      plan({ capacity: 20, minOrdinaryShare: 1 / 3 }),
      candidates(`${numbered('C', 15)} ${numbered('P', 10)} ${numbered('O', 3)}`),
    );

    expect(result.selected).toHaveLength(20);
    expect(result.shortfall).toEqual({
      ordinaryShareMet: false,
      required: 7,
      selectedOrdinary: 3,
      placesTaken: 20,
      cause: 'not-enough-ordinary-candidates',
    });
  });

  it('enough ordinary citizens, though last in the order: the share is met', () => {
    const result = allocate(
      plan({ capacity: 20, minOrdinaryShare: 1 / 3 }),
      candidates(`${numbered('C', 15)} ${numbered('P', 10)} ${numbered('O', 10)}`),
    );

    expect(ids(result.selected)).toBe(`${numbered('C', 13)} ${numbered('O', 7)}`);
    expect(result.shortfall).toBeNull();
  });

  it('refuses an application listed twice', () => {
    expect(() => allocate(plan({}), candidates('O1 C1 O1'))).toThrow('Application O1 is listed more than once');
  });
});
