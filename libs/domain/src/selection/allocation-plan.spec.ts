import { AllocationPlan, allocationPlanProblems, offersCategory, ordinaryMinimum } from './allocation-plan';
import { allocate } from './allocate';
import { requiredOrdinaryPlaces } from './ordinary-share';

const PLAN: AllocationPlan = {
  capacity: 20,
  quotas: [
    { category: 'ordinary-citizen', places: 10 },
    { category: 'congress-deputy', places: 5 },
    { category: 'party-member', places: 5 },
  ],
  minOrdinaryShare: 1 / 3,
  mediaOutsideQuota: true,
  mediaPlacesOutsideQuota: 3,
};

/** domain.md's example: its quotas give ordinary citizens 5 of 20 places, short of one third. */
const DOMAIN_EXAMPLE: AllocationPlan = {
  ...PLAN,
  quotas: [
    { category: 'ordinary-citizen', places: 5 },
    { category: 'congress-deputy', places: 5 },
    { category: 'party-member', places: 5 },
    { category: 'village-cadre', places: 5 },
  ],
};

describe('allocationPlanProblems', () => {
  it.each<{ rule: string; change: Partial<AllocationPlan>; problems: string[] }>([
    { rule: 'a valid plan', change: {}, problems: [] },
    { rule: 'no quotas: only the capacity limits', change: { quotas: [] }, problems: [] },
    { rule: 'quotas below the capacity, ordinary citizens holding their share of them', change: { quotas: [{ category: 'ordinary-citizen', places: 4 }, { category: 'congress-deputy', places: 4 }] }, problems: [] },
    { rule: 'capacity 0', change: { capacity: 0 }, problems: ['positiveCapacity'] },
    { rule: 'a fractional capacity', change: { capacity: 20.5 }, problems: ['positiveCapacity'] },
    { rule: 'a share above 1', change: { minOrdinaryShare: 1.2 }, problems: ['shareRange'] },
    { rule: 'a negative share', change: { minOrdinaryShare: -0.1 }, problems: ['shareRange'] },
    { rule: 'a share that is not a number', change: { minOrdinaryShare: Number.NaN }, problems: ['shareRange'] },
    { rule: 'a negative quota', change: { quotas: [{ category: 'ordinary-citizen', places: 10 }, { category: 'other', places: -1 }] }, problems: ['wholePlaces'] },
    { rule: 'a fractional quota', change: { quotas: [{ category: 'ordinary-citizen', places: 9.5 }] }, problems: ['wholePlaces'] },
    { rule: 'a category twice', change: { quotas: [{ category: 'ordinary-citizen', places: 7 }, { category: 'ordinary-citizen', places: 3 }] }, problems: ['uniqueCategories'] },
    { rule: 'quotas above the capacity', change: { quotas: [{ category: 'ordinary-citizen', places: 15 }, { category: 'congress-deputy', places: 6 }] }, problems: ['quotasWithinCapacity'] },
    { rule: 'a media quota while media are outside it', change: { quotas: [...PLAN.quotas.slice(0, 2), { category: 'media', places: 2 }] }, problems: ['mediaOutsideQuota'] },
    { rule: 'a media quota while media are inside it', change: { mediaOutsideQuota: false, quotas: [...PLAN.quotas.slice(0, 2), { category: 'media', places: 2 }] }, problems: [] },
    { rule: 'negative media places outside the quota', change: { mediaPlacesOutsideQuota: -1 }, problems: ['mediaPlacesRange'] },
    { rule: 'media places are ignored while media are inside the quota', change: { mediaOutsideQuota: false, mediaPlacesOutsideQuota: -1 }, problems: [] },
    { rule: "domain.md's example: 5 ordinary citizens of 20 places, one third required", change: DOMAIN_EXAMPLE, problems: ['minimumShareReachable'] },
    { rule: 'no ordinary quota, a share required', change: { quotas: [{ category: 'congress-deputy', places: 5 }] }, problems: ['minimumShareReachable'] },
    { rule: 'a negative quota is not added up against the capacity or the share', change: { capacity: 5, quotas: [{ category: 'ordinary-citizen', places: 10 }, { category: 'other', places: -1 }] }, problems: ['wholePlaces'] },
    // Ordinary citizens can hold only their own quota: the places no quota names stay empty.
    { rule: 'capacity 15, congress 5 + party 5, no ordinary quota', change: { capacity: 15, quotas: [{ category: 'congress-deputy', places: 5 }, { category: 'party-member', places: 5 }] }, problems: ['minimumShareReachable'] },
    { rule: 'capacity 15, ordinary 5 + congress 5 + party 5', change: { capacity: 15, quotas: [{ category: 'ordinary-citizen', places: 5 }, { category: 'congress-deputy', places: 5 }, { category: 'party-member', places: 5 }] }, problems: [] },
    { rule: 'ordinary 2 + party 5 of 10: a third of the 7 who can come is 3', change: { capacity: 10, quotas: [{ category: 'ordinary-citizen', places: 2 }, { category: 'party-member', places: 5 }] }, problems: ['minimumShareReachable'] },
    { rule: 'ordinary 3 + party 5 of 10', change: { capacity: 10, quotas: [{ category: 'ordinary-citizen', places: 3 }, { category: 'party-member', places: 5 }] }, problems: [] },
    { rule: 'a media quota outside the quota adds no place to a full session', change: { capacity: 12, quotas: [{ category: 'ordinary-citizen', places: 3 }, { category: 'party-member', places: 6 }, { category: 'media', places: 3 }] }, problems: ['mediaOutsideQuota'] },
    { rule: 'a share of 1: only ordinary citizens', change: { minOrdinaryShare: 1 }, problems: ['minimumShareReachable'] },
    { rule: 'a share of 1 without quotas', change: { minOrdinaryShare: 1, quotas: [] }, problems: [] },
    { rule: 'no ordinary quota, no share required', change: { quotas: [{ category: 'congress-deputy', places: 5 }], minOrdinaryShare: 0 }, problems: [] },
  ])('$rule → [$problems]', ({ change, problems }) => {
    expect(allocationPlanProblems({ ...PLAN, ...change }).map((problem) => problem.rule)).toEqual(problems);
  });

  it('names the numbers when the quotas cannot meet the share', () => {
    expect(allocationPlanProblems(DOMAIN_EXAMPLE)).toEqual([
      {
        rule: 'minimumShareReachable',
        message: 'Ordinary citizens have 5 of 20 places, fewer than the 7 that a minimum share of 33.3% requires',
      },
    ]);
  });

  it('selection refuses a broken plan, naming every problem', () => {
    expect(() => allocate({ ...PLAN, capacity: 15, minOrdinaryShare: 2, mediaPlacesOutsideQuota: -1 }, [])).toThrow(
      /Invalid allocation plan: The minimum share .*; The quotas add up to 20 places, more than the capacity of 15; Media places must be .*/,
    );
  });

  it('selection serves a plan whose quotas cannot meet the share, reporting the shortfall', () => {
    expect(allocate(DOMAIN_EXAMPLE, []).shortfall).toBeNull();
  });
});

describe('ordinaryMinimum', () => {
  it.each<[string, Partial<AllocationPlan>, ReturnType<typeof ordinaryMinimum>]>([
    ['quotas filling the capacity', {}, { fullSession: 20, required: 7, available: 10 }],
    ['quotas below the capacity: the session fills to their sum', { quotas: [{ category: 'ordinary-citizen', places: 4 }, { category: 'congress-deputy', places: 4 }] }, { fullSession: 8, required: 3, available: 4 }],
    ['no ordinary quota: none for them', { capacity: 15, quotas: [{ category: 'congress-deputy', places: 5 }, { category: 'party-member', places: 5 }] }, { fullSession: 10, required: 4, available: 0 }],
    ['no quotas: the capacity for anyone', { quotas: [] }, { fullSession: 20, required: 7, available: 20 }],
  ])('%s', (_label, change, expected) => {
    expect(ordinaryMinimum({ ...PLAN, ...change })).toEqual(expected);
  });
});

describe('offersCategory', () => {
  it.each<[string, Partial<AllocationPlan>, string, boolean]>([
    ['a category with a quota', {}, 'congress-deputy', true],
    ['a category missing from the quotas', {}, 'village-cadre', false],
    ['a quota of no places', { quotas: [{ category: 'ordinary-citizen', places: 10 }, { category: 'village-cadre', places: 0 }] }, 'village-cadre', false],
    ['any category without quotas', { quotas: [] }, 'village-cadre', true],
    ['media outside the quota', {}, 'media', true],
    ['media inside the quota without a quota', { mediaOutsideQuota: false }, 'media', false],
  ])('%s', (_label, change, category, offered) => {
    expect(offersCategory({ ...PLAN, ...change }, category)).toBe(offered);
  });
});

describe('requiredOrdinaryPlaces', () => {
  it.each([
    ['1/3', 1 / 3, 20, 7],
    ['1/3', 1 / 3, 21, 7],
    ['1/3', 1 / 3, 9, 3],
    ['1/3', 1 / 3, 10, 4],
    ['1/3 (1/3 × 15 is 5, not 6)', 1 / 3, 15, 5],
    ['1/3', 1 / 3, 0, 0],
    ['0.7 (0.7 × 90 is 62.99999999999999)', 0.7, 90, 63],
    ['1/2', 0.5, 7, 4],
    ['0', 0, 20, 0],
    ['1', 1, 5, 5],
  ])('share %s of %i places → %i', (_label, share, places, required) => {
    expect(requiredOrdinaryPlaces(share, places)).toBe(required);
  });
});
