import { SELECTION_CATEGORIES, type SelectionCategory as Category } from '@openday/domain/selection';
import { applicantsByCategory, previewFill, type PreviewRules, type SessionPreview } from './quota-preview';

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
      'no quotas, three categories: each category’s count depends on the draw, within the range the places allow',
      { capacity: 10, quotas: [], minOrdinaryShare: THIRD, mediaOutsideQuota: true },
      { 'ordinary-citizen': 5, 'congress-deputy': 4, 'party-member': 4 },
      { capacity: 10, placesTaken: 10, emptyPlaces: 0, reservedForOrdinary: 4, requiredOrdinary: 4, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', null, 5, [4, 5]], ['congress-deputy', null, 4, [1, 4]], ['party-member', null, 4, [1, 4]]],
    ],
    [
      'thousands of applicants for a few places: the preview stays exact',
      { capacity: 30, quotas: [], minOrdinaryShare: THIRD, mediaOutsideQuota: true },
      { 'ordinary-citizen': 4000, enterprise: 3000, media: 500 },
      { capacity: 30, placesTaken: 30, emptyPlaces: 0, reservedForOrdinary: 10, requiredOrdinary: 10, ordinaryShareMet: true, shortfallCause: null },
      [['ordinary-citizen', null, 4000, [10, 30]], ['enterprise', null, 3000, [0, 20]], ['media', null, 500, null]],
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
    expect(applicantsByCategory(rows, 's1')).toEqual({ ...Object.fromEntries(SELECTION_CATEGORIES.map((c) => [c, 0])), 'ordinary-citizen': 2, 'party-member': 1 });
  });
});
