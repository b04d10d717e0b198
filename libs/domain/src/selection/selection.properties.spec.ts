import { SELECTION_CATEGORIES, SelectionCategory } from './categories';
import { AllocationPlan, CategoryQuota } from './allocation-plan';
import { allocate } from './allocate';
import { closeArrivals, decideOnArrival, openSelection } from './first-come';
import { requiredOrdinaryPlaces } from './ordinary-share';
import { Candidate, SelectionState } from './selection-state';
import { ordinaryShortfall } from './shortfall';
import { promoteFromWaitlist } from './waitlist';

// Property-style tests: many random plans and candidate lists from a seeded generator, so that a
// failure names the run that broke a rule and re-running reproduces it exactly.
const RUNS = 250;
const ORDINARY: SelectionCategory = 'ordinary-citizen';
const SHARES = [0, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 1];
const ORDINARY_PROPORTIONS = [0, 0.01, 0.05, 0.2, 0.5, 0.9];

class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough to spread test cases. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return shuffled;
  }
}

function randomPlan(random: Random): AllocationPlan {
  const capacity = random.int(1, 40);
  const mediaOutsideQuota = random.next() < 0.6;
  const share = random.next() < 0.85 ? random.pick(SHARES) : random.next();
  return {
    capacity,
    quotas: random.next() < 0.35 ? [] : randomQuotas(random, capacity, mediaOutsideQuota),
    minOrdinaryShare: share,
    mediaOutsideQuota,
    mediaPlacesOutsideQuota: random.int(0, 5),
  };
}

/** Quotas for a random handful of categories, adding up to the capacity at most. */
function randomQuotas(random: Random, capacity: number, mediaOutsideQuota: boolean): CategoryQuota[] {
  const eligible = SELECTION_CATEGORIES.filter((category) => !(mediaOutsideQuota && category === 'media'));
  let left = capacity;
  return random
    .shuffle(eligible)
    .slice(0, random.int(1, eligible.length))
    .map((category) => {
      const places = random.int(0, left);
      left -= places;
      return { category, places };
    });
}

/** Mostly 500 candidates for a few dozen places; sometimes fewer candidates than places. */
function randomCandidates(random: Random): Candidate[] {
  const count = random.next() < 0.75 ? 500 : random.int(0, 60);
  const ordinaryProportion = random.pick(ORDINARY_PROPORTIONS);
  const others = SELECTION_CATEGORIES.filter((category) => category !== ORDINARY);
  return Array.from({ length: count }, (_, i) => ({
    applicationId: `application-${i}`,
    category: random.next() < ordinaryProportion ? ORDINARY : random.pick(others),
  }));
}

function quotaOf(plan: AllocationPlan, category: SelectionCategory): number {
  if (plan.quotas.length === 0) return plan.capacity;
  return plan.quotas.find((quota) => quota.category === category)?.places ?? 0;
}

function outsideQuota(plan: AllocationPlan, candidate: Candidate): boolean {
  return plan.mediaOutsideQuota && candidate.category === 'media';
}

function countIn(candidates: readonly Candidate[], category: SelectionCategory): number {
  return candidates.filter((candidate) => candidate.category === category).length;
}

/** What these candidates can make of the session: how many places they can fill, how many of them by ordinary citizens. */
function potential(plan: AllocationPlan, candidates: readonly Candidate[]) {
  const inside = candidates.filter((candidate) => !outsideQuota(plan, candidate));
  const available = (category: SelectionCategory) => Math.min(countIn(inside, category), quotaOf(plan, category));
  const ordinary = available(ORDINARY);
  const all = SELECTION_CATEGORIES.reduce((total, category) => total + available(category), 0);
  const media = candidates.filter((candidate) => outsideQuota(plan, candidate)).length;
  return {
    ordinary,
    fillable: Math.min(plan.capacity, all),
    mediaFillable: Math.min(plan.mediaPlacesOutsideQuota, media),
  };
}

function everyone(state: SelectionState): Candidate[] {
  return [
    ...state.selected,
    ...state.selectedOutsideQuota,
    ...state.waitlisted.map((entry) => entry.candidate),
    ...state.rejected.map((rejection) => rejection.candidate),
  ];
}

// Ids joined into one string: comparing strings keeps thousands of checks fast.
function ids(candidates: readonly Candidate[]): string {
  return candidates.map((candidate) => candidate.applicationId).join(' ');
}

function sortedIds(candidates: readonly Candidate[]): string {
  return candidates.map((candidate) => candidate.applicationId).sort().join(' ');
}

/** Rules that must hold at every moment, whatever has arrived so far; checked in one expect, as it runs at every arrival. */
function brokenLimits(plan: AllocationPlan, state: SelectionState): string[] {
  const broken: string[] = [];
  if (state.selected.length > plan.capacity) broken.push(`${state.selected.length} selected for ${plan.capacity} places`);
  for (const category of SELECTION_CATEGORIES) {
    const count = countIn(state.selected, category);
    if (count > quotaOf(plan, category)) broken.push(`${count} ${category} selected, quota ${quotaOf(plan, category)}`);
  }
  if (state.selected.some((candidate) => outsideQuota(plan, candidate))) broken.push('media outside the quota took a place');
  if (!state.selectedOutsideQuota.every((candidate) => outsideQuota(plan, candidate))) broken.push('someone else selected outside the quota');
  if (state.selectedOutsideQuota.length > plan.mediaPlacesOutsideQuota) broken.push('too many media outside the quota');
  for (const { candidate } of state.rejected) {
    const places = outsideQuota(plan, candidate) ? plan.mediaPlacesOutsideQuota : quotaOf(plan, candidate.category);
    if (places > 0) broken.push(`${candidate.applicationId} rejected though ${candidate.category} has places`);
  }
  return broken;
}

/** Must hold once every candidate is known: the rules, the share when it can be met, and no place left that someone waiting could take. */
function expectSettled(plan: AllocationPlan, state: SelectionState, candidates: readonly Candidate[]): void {
  expect(brokenLimits(plan, state)).toEqual([]);
  expect(sortedIds(everyone(state))).toBe(sortedIds(candidates));

  const { ordinary, fillable, mediaFillable } = potential(plan, candidates);
  expect(state.selected.length).toBe(fillable);
  expect(state.selectedOutsideQuota.length).toBe(mediaFillable);

  const selectedOrdinary = countIn(state.selected, ORDINARY);
  const shareMet = selectedOrdinary >= requiredOrdinaryPlaces(plan.minOrdinaryShare, state.selected.length);
  if (ordinary >= requiredOrdinaryPlaces(plan.minOrdinaryShare, fillable)) expect(shareMet).toBe(true);
  expect(ordinaryShortfall(state) === null).toBe(shareMet);
}

/** Nobody is passed over for someone later in the order of their own category. */
function expectOrderKeptWithinCategories(state: SelectionState, ordered: readonly Candidate[]): void {
  for (const category of SELECTION_CATEGORIES) {
    const inOrder = ordered.filter((candidate) => candidate.category === category);
    const chosen = [...state.selected, ...state.selectedOutsideQuota].filter((candidate) => candidate.category === category);
    expect(ids(chosen)).toBe(ids(inOrder.slice(0, chosen.length)));
  }
}

function runs(): Array<[number]> {
  return Array.from({ length: RUNS }, (_, run) => [run + 1]);
}

describe('selection properties', () => {
  it.each(runs())('allocate keeps every rule (run %i)', (run) => {
    const random = new Random(run);
    const plan = randomPlan(random);
    const candidates = random.shuffle(randomCandidates(random));

    const result = allocate(plan, candidates);

    expectSettled(plan, result, candidates);
    expectOrderKeptWithinCategories(result, candidates);
  });

  it.each(runs())('first come keeps the limits at every arrival, and after closing selects as allocate does (run %i)', (run) => {
    const random = new Random(1_000 + run);
    const plan = randomPlan(random);
    const candidates = random.shuffle(randomCandidates(random));

    let state = openSelection(plan);
    const broken: string[] = [];
    for (const candidate of candidates) {
      state = decideOnArrival(state, candidate).state;
      broken.push(...brokenLimits(plan, state).map((rule) => `after ${candidate.applicationId}: ${rule}`));
    }
    expect(broken).toEqual([]);
    const closed = closeArrivals(state).state;

    expectSettled(plan, closed, candidates);
    const allAtOnce = allocate(plan, candidates);
    expect(sortedIds(closed.selected)).toBe(sortedIds(allAtOnce.selected));
    expect(sortedIds(closed.selectedOutsideQuota)).toBe(sortedIds(allAtOnce.selectedOutsideQuota));
  });

  it.each(runs())('withdrawals promote the first waiting candidate who fits, and the rules keep holding (run %i)', (run) => {
    const random = new Random(2_000 + run);
    const plan = randomPlan(random);
    let remaining = random.shuffle(randomCandidates(random));
    let state: SelectionState = allocate(plan, remaining);

    for (let withdrawals = random.int(1, 10); withdrawals > 0; withdrawals--) {
      const holders = [...state.selected, ...state.selectedOutsideQuota];
      if (holders.length === 0) break;
      const withdrawn = random.pick(holders);
      const before = state;

      const promotion = promoteFromWaitlist(state, withdrawn.applicationId);
      state = promotion.state;
      remaining = remaining.filter((candidate) => candidate !== withdrawn);

      const ahead = promotion.promoted
        ? before.waitlisted.slice(0, before.waitlisted.findIndex((entry) => entry.candidate === promotion.promoted))
        : before.waitlisted;
      expect(ids(promotion.skipped.map((entry) => entry.candidate))).toBe(ids(ahead.map((entry) => entry.candidate)));
      const afterWithdrawal = before.selected.filter((candidate) => candidate !== withdrawn);
      const mediaAfterWithdrawal = before.selectedOutsideQuota.filter((candidate) => candidate !== withdrawn);
      const untrue = promotion.skipped.filter(({ candidate, reason }) => {
        const holds = {
          'capacity-full': () => afterWithdrawal.length >= plan.capacity,
          'category-quota-full': () => countIn(afterWithdrawal, candidate.category) >= quotaOf(plan, candidate.category),
          'media-places-full': () => mediaAfterWithdrawal.length >= plan.mediaPlacesOutsideQuota,
          'reserved-for-ordinary-citizens': () => candidate.category !== ORDINARY,
          'no-places-for-category': () => false,
        }[reason];
        return !holds();
      });
      expect(untrue).toEqual([]);
      expectSettled(plan, state, remaining);
    }
  });
});
