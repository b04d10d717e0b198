import path from 'node:path';
import { applicantsByCategory, CATEGORIES, previewFill, requiredOrdinaryPlaces, type Category, type PreviewRules, type SessionPreview } from './quota-preview';

const THIRD = 1 / 3;
const fourQuotas = (places: number) => (['ordinary-citizen', 'congress-deputy', 'party-member', 'village-cadre'] as const).map((category) => ({ category, places }));

type Row = [string, PreviewRules, Partial<Record<Category, number>>, Omit<SessionPreview, 'categories'>, Array<[Category, number | null, number, [number, number] | null]>];

describe('previewFill', () => {
  it.each<Row>([
    [
      'domain.md’s 5/5/5/5 of 20, enough ordinary citizens: every quota fills as far as its applicants go',
      { capacity: 20, quotas: fourQuotas(5), minOrdinaryShare: THIRD, mediaOutsideQuota: true },
      { 'ordinary-citizen': 30, 'congress-deputy': 3, 'party-member': 8 },
      { capacity: 20, placesTaken: 13, emptyPlaces: 7, reservedForOrdinary: 5, requiredOrdinary: 5, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', 5, 30, [5, 5]], ['congress-deputy', 5, 3, [3, 3]], ['party-member', 5, 8, [5, 5]], ['village-cadre', 5, 0, [0, 0]]],
    ],
    [
      'the same quotas all full: 5 ordinary citizens of 20 places fall short of a third because of the quota',
      { capacity: 20, quotas: fourQuotas(5), minOrdinaryShare: THIRD, mediaOutsideQuota: true },
      { 'ordinary-citizen': 30, 'congress-deputy': 10, 'party-member': 10, 'village-cadre': 10 },
      { capacity: 20, placesTaken: 20, emptyPlaces: 0, reservedForOrdinary: 5, requiredOrdinary: 7, ordinaryShareMet: false, shortfallCause: 'ordinary-quota-below-minimum-share' },
      [['ordinary-citizen', 5, 30, [5, 5]], ['congress-deputy', 5, 10, [5, 5]], ['party-member', 5, 10, [5, 5]], ['village-cadre', 5, 10, [5, 5]]],
    ],
    [
      'no quotas, oversubscribed: 4 places kept for ordinary citizens, the draw decides the rest',
      { capacity: 10, quotas: [], minOrdinaryShare: THIRD, mediaOutsideQuota: false },
      { 'ordinary-citizen': 20, 'party-member': 20 },
      { capacity: 10, placesTaken: 10, emptyPlaces: 0, reservedForOrdinary: 4, requiredOrdinary: 4, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', null, 20, [4, 10]], ['party-member', null, 20, [0, 6]]],
    ],
    [
      'no quotas, one ordinary citizen: the places still fill, the share falls short for want of applicants',
      { capacity: 10, quotas: [], minOrdinaryShare: THIRD, mediaOutsideQuota: false },
      { 'ordinary-citizen': 1, 'party-member': 20 },
      { capacity: 10, placesTaken: 10, emptyPlaces: 0, reservedForOrdinary: 1, requiredOrdinary: 4, ordinaryShareMet: false, shortfallCause: 'not-enough-ordinary-candidates' },
      [['ordinary-citizen', null, 1, [1, 1]], ['party-member', null, 20, [9, 9]]],
    ],
    [
      'undersubscribed, media outside the quota: 7 places stay empty and media take none',
      { capacity: 10, quotas: [{ category: 'ordinary-citizen', places: 10 }], minOrdinaryShare: 0.34, mediaOutsideQuota: true },
      { 'ordinary-citizen': 3, media: 2 },
      { capacity: 10, placesTaken: 3, emptyPlaces: 7, reservedForOrdinary: 2, requiredOrdinary: 2, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', 10, 3, [3, 3]], ['media', null, 2, null]],
    ],
    [
      'a category without a quota has no places',
      { capacity: 10, quotas: [{ category: 'ordinary-citizen', places: 6 }, { category: 'party-member', places: 4 }], minOrdinaryShare: THIRD, mediaOutsideQuota: true },
      { 'ordinary-citizen': 1, enterprise: 2 },
      { capacity: 10, placesTaken: 1, emptyPlaces: 9, reservedForOrdinary: 1, requiredOrdinary: 1, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', 6, 1, [1, 1]], ['party-member', 4, 0, [0, 0]], ['enterprise', 0, 2, [0, 0]]],
    ],
    [
      'a third of 9 is exactly 3 (no floating-point fourth place)',
      { capacity: 9, quotas: [], minOrdinaryShare: THIRD, mediaOutsideQuota: false },
      { 'ordinary-citizen': 3, 'party-member': 6 },
      { capacity: 9, placesTaken: 9, emptyPlaces: 0, reservedForOrdinary: 3, requiredOrdinary: 3, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', null, 3, [3, 3]], ['party-member', null, 6, [6, 6]]],
    ],
    [
      'no share and no media rule stated: no minimum, media inside the places',
      { capacity: 5, quotas: [], minOrdinaryShare: null, mediaOutsideQuota: null },
      { media: 3 },
      { capacity: 5, placesTaken: 3, emptyPlaces: 2, reservedForOrdinary: 0, requiredOrdinary: 0, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', null, 0, [0, 0]], ['media', null, 3, [3, 3]]],
    ],
  ])('%s', (_name, rules, applicants, summary, rows) => {
    const { categories, ...rest } = previewFill(rules, applicants);
    expect(rest).toEqual(summary);
    expect(categories.map((c) => [c.category, c.quota, c.applicants, c.fill && [c.fill.least, c.fill.most]])).toEqual(rows);
    expect(categories.filter((c) => c.noPlaces).map((c) => c.category)).toEqual(rows.filter(([, quota]) => quota === 0).map(([category]) => category));
  });
});

describe('requiredOrdinaryPlaces', () => {
  it.each([
    [THIRD, 0, 0],
    [THIRD, 9, 3],
    [THIRD, 10, 4],
    [0.7, 90, 63],
    [0.34, 10, 4],
    [0, 20, 0],
  ])('share %d of %d places → %d', (share, taken, required) => {
    expect(requiredOrdinaryPlaces(share, taken)).toBe(required);
  });
});

describe('applicantsByCategory', () => {
  it('counts one session’s applicants still in the running', () => {
    const rows = [
      { sessionId: 's1', category: 'ordinary-citizen' as const, status: 'eligible' },
      { sessionId: 's1', category: 'ordinary-citizen' as const, status: 'selected' },
      { sessionId: 's1', category: 'party-member' as const, status: 'waitlisted' },
      { sessionId: 's1', category: 'party-member' as const, status: 'rejected' },
      { sessionId: 's1', category: 'media' as const, status: 'withdrawn' },
      { sessionId: 's2', category: 'media' as const, status: 'eligible' },
    ];
    expect(applicantsByCategory(rows, 's1')).toEqual({ ...Object.fromEntries(CATEGORIES.map((c) => [c, 0])), 'ordinary-citizen': 2, 'party-member': 1 });
  });
});

// The preview restates vetting's allocation rule; this checks it against the rule itself, on many
// plans and drawn orders: the places taken and the share are exactly what vetting's allocate()
// gives, and each category's count lies between the preview's least and most.
interface VettingResult {
  selected: Array<{ category: Category }>;
  shortfall: { cause: string } | null;
}
const vetting = jest.requireActual<{ allocate: (plan: object, candidates: Array<{ applicationId: string; category: Category }>) => VettingResult }>(
  path.join(__dirname, '../../../../vetting/src/selection/allocate'),
);

describe('previewFill agrees with vetting’s allocate()', () => {
  let seed = 20261203;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it('on 400 random plans, applicants and orders', () => {
    for (let run = 0; run < 400; run += 1) {
      const capacity = 1 + random(20);
      const mediaOutsideQuota = random(2) === 0;
      const quotas: Array<{ category: Category; places: number }> = [];
      if (random(3) > 0) {
        let left = capacity;
        for (const category of CATEGORIES) {
          if ((mediaOutsideQuota && category === 'media') || random(2) === 0) continue;
          const places = random(left + 1);
          quotas.push({ category, places });
          left -= places;
        }
      }
      const minOrdinaryShare = [0, 0.25, THIRD, 0.34, 0.5][random(5)];
      const candidates = Array.from({ length: random(30) }, (_, i) => ({ applicationId: `a${i}`, category: CATEGORIES[random(CATEGORIES.length)] }));
      const counts = applicantsByCategory(candidates.map((c) => ({ ...c, sessionId: 's', status: 'eligible' })), 's');
      const preview = previewFill({ capacity, quotas, minOrdinaryShare, mediaOutsideQuota }, counts);
      const result = vetting.allocate({ capacity, quotas, minOrdinaryShare, mediaOutsideQuota, mediaPlacesOutsideQuota: 5 }, candidates);
      const context = JSON.stringify({ capacity, quotas, minOrdinaryShare, mediaOutsideQuota, counts });
      expect([context, result.selected.length, result.shortfall === null, result.shortfall?.cause ?? null]).toEqual([
        context,
        preview.placesTaken,
        preview.ordinaryShareMet,
        preview.shortfallCause,
      ]);
      for (const row of preview.categories.filter((c) => c.fill)) {
        const chosen = result.selected.filter((c) => c.category === row.category).length;
        expect([context, row.category, chosen >= row.fill!.least && chosen <= row.fill!.most]).toEqual([context, row.category, true]);
      }
    }
  });
});
