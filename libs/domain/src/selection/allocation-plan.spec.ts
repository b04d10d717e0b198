import { AllocationPlan, allocationPlanProblems } from './allocation-plan';
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
    { rule: 'capacity 0', change: { capacity: 0 }, problems: ['capacity', 'quotas-exceed-capacity'] },
    { rule: 'a fractional capacity', change: { capacity: 20.5 }, problems: ['capacity'] },
    { rule: 'a share above 1', change: { minOrdinaryShare: 1.2 }, problems: ['min-ordinary-share'] },
    { rule: 'a negative share', change: { minOrdinaryShare: -0.1 }, problems: ['min-ordinary-share'] },
    { rule: 'a share that is not a number', change: { minOrdinaryShare: Number.NaN }, problems: ['min-ordinary-share'] },
    { rule: 'a negative quota', change: { quotas: [{ category: 'ordinary-citizen', places: 10 }, { category: 'other', places: -1 }] }, problems: ['quota-places'] },
    { rule: 'a fractional quota', change: { quotas: [{ category: 'ordinary-citizen', places: 9.5 }] }, problems: ['quota-places'] },
    { rule: 'a category twice', change: { quotas: [{ category: 'ordinary-citizen', places: 7 }, { category: 'ordinary-citizen', places: 3 }] }, problems: ['quota-category-repeated'] },
    { rule: 'quotas above the capacity', change: { quotas: [{ category: 'ordinary-citizen', places: 15 }, { category: 'congress-deputy', places: 6 }] }, problems: ['quotas-exceed-capacity'] },
    { rule: 'a media quota while media are outside it', change: { quotas: [...PLAN.quotas.slice(0, 2), { category: 'media', places: 2 }] }, problems: ['media-quota-while-outside-quota'] },
    { rule: 'a media quota while media are inside it', change: { mediaOutsideQuota: false, quotas: [...PLAN.quotas.slice(0, 2), { category: 'media', places: 2 }] }, problems: [] },
    { rule: 'negative media places outside the quota', change: { mediaPlacesOutsideQuota: -1 }, problems: ['media-places-outside-quota'] },
    { rule: 'media places are ignored while media are inside the quota', change: { mediaOutsideQuota: false, mediaPlacesOutsideQuota: -1 }, problems: [] },
    { rule: "domain.md's example: 5 ordinary citizens of 20 places, one third required", change: DOMAIN_EXAMPLE, problems: ['ordinary-quota-below-minimum-share'] },
    { rule: 'no ordinary quota, a share required', change: { quotas: [{ category: 'congress-deputy', places: 5 }] }, problems: ['ordinary-quota-below-minimum-share'] },
    { rule: 'no ordinary quota, no share required', change: { quotas: [{ category: 'congress-deputy', places: 5 }], minOrdinaryShare: 0 }, problems: [] },
  ])('$rule → [$problems]', ({ change, problems }) => {
    expect(allocationPlanProblems({ ...PLAN, ...change }).map((problem) => problem.rule)).toEqual(problems);
  });

  it('names the numbers when the quotas cannot meet the share', () => {
    expect(allocationPlanProblems(DOMAIN_EXAMPLE)).toEqual([
      {
        rule: 'ordinary-quota-below-minimum-share',
        message: 'Ordinary citizens have 5 of 20 places, fewer than the 7 that a minimum share of 33.3% requires',
      },
    ]);
  });

  it('selection refuses a broken plan, naming every problem', () => {
    expect(() => allocate({ ...PLAN, capacity: 0, minOrdinaryShare: 2 }, [])).toThrow(
      /Invalid allocation plan: Capacity must be .*; The minimum share .*; The quotas add up to 20 places/,
    );
  });

  it('selection serves a plan whose quotas cannot meet the share, reporting the shortfall', () => {
    expect(allocate(DOMAIN_EXAMPLE, []).shortfall).toBeNull();
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
