import { CalendarDate } from '@openday/domain';
import { OpenDayEligibility, ScreenedApplicant, screenApplicant, ScreeningContext } from './screen-applicant';

const OPEN_DAY: OpenDayEligibility = { eventDate: '2026-11-29', minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] };
const APPLICANT: ScreenedApplicant = { personKey: 'person-a', birthDate: '1990-03-07', district: 'gulou' };
const CONTEXT: ScreeningContext = { earlierApplicants: new Set(), noShows: [], noShowLookBackMonths: 12 };

function noShowOf(personKey: string, eventDate: CalendarDate) {
  return { personKey, eventDate };
}

describe('screenApplicant', () => {
  it.each<{ rule: string; applicant?: Partial<ScreenedApplicant>; openDay?: Partial<OpenDayEligibility>; context?: Partial<ScreeningContext>; codes: string[] }>([
    { rule: 'an applicant who meets every rule', codes: [] },
    { rule: '17 on the event day (18 the day after)', applicant: { birthDate: '2008-11-30' }, codes: ['age-below-minimum'] },
    { rule: '18 on the event day itself', applicant: { birthDate: '2008-11-29' }, codes: [] },
    { rule: '65 on the event day (66 the day after)', applicant: { birthDate: '1960-11-30' }, codes: [] },
    { rule: '66 on the event day', applicant: { birthDate: '1960-11-29' }, codes: ['age-above-maximum'] },
    { rule: 'no maximum age', applicant: { birthDate: '1930-01-01' }, openDay: { maxAge: null }, codes: [] },
    { rule: 'born on 29 February, 18 on 1 March of a common year', applicant: { birthDate: '2008-02-29' }, openDay: { eventDate: '2026-03-01' }, codes: [] },
    { rule: 'born after the event day (a session moved earlier): too young, not an error', applicant: { birthDate: '2026-12-01' }, codes: ['age-below-minimum'] },
    { rule: 'born on 29 February, still 17 on 28 February', applicant: { birthDate: '2008-02-29' }, openDay: { eventDate: '2026-02-28' }, codes: ['age-below-minimum'] },
    { rule: 'a district the open day is not for', applicant: { district: 'mawei' }, codes: ['district-not-eligible'] },
    { rule: 'any district when the open day lists none', applicant: { district: 'mawei' }, openDay: { districts: [] }, codes: [] },
    { rule: 'the same person applied before', context: { earlierApplicants: new Set(['person-a']) }, codes: ['duplicate-application'] },
    { rule: 'someone else applied before', context: { earlierApplicants: new Set(['person-b']) }, codes: [] },
    { rule: 'a no-show 9 months before', context: { noShows: [noShowOf('person-a', '2026-03-01')] }, codes: ['no-show-record'] },
    { rule: 'a no-show exactly 12 months before', context: { noShows: [noShowOf('person-a', '2025-11-29')] }, codes: ['no-show-record'] },
    { rule: 'a no-show 12 months and a day before', context: { noShows: [noShowOf('person-a', '2025-11-28')] }, codes: [] },
    { rule: "someone else's no-show", context: { noShows: [noShowOf('person-b', '2026-10-01')] }, codes: [] },
    { rule: 'a no-show 6 months before, with a 6-month look-back', context: { noShows: [noShowOf('person-a', '2026-05-29')], noShowLookBackMonths: 6 }, codes: ['no-show-record'] },
    { rule: 'a no-show 6 months and a day before, with a 6-month look-back', context: { noShows: [noShowOf('person-a', '2026-05-28')], noShowLookBackMonths: 6 }, codes: [] },
    { rule: 'a no-show recorded after the event day', context: { noShows: [noShowOf('person-a', '2026-12-05')] }, codes: [] },
    {
      rule: 'every rule broken at once, reported together',
      applicant: { birthDate: '2010-01-01', district: 'mawei' },
      context: { earlierApplicants: new Set(['person-a']), noShows: [noShowOf('person-a', '2026-06-01')] },
      codes: ['age-below-minimum', 'district-not-eligible', 'duplicate-application', 'no-show-record'],
    },
  ])('$rule → [$codes]', ({ applicant, openDay, context, codes }) => {
    const result = screenApplicant({ ...APPLICANT, ...applicant }, { ...OPEN_DAY, ...openDay }, { ...CONTEXT, ...context });
    expect(result.eligible ? [] : result.reasons.map((reason) => reason.code)).toEqual(codes);
    expect(result.eligible).toBe(codes.length === 0);
  });

  it.each<{ code: string; applicant?: Partial<ScreenedApplicant>; context?: Partial<ScreeningContext>; zh: string; en: string }>([
    {
      code: 'age-below-minimum',
      applicant: { birthDate: '2008-11-30' },
      zh: '活动当天（2026-11-29）年龄为 17 周岁，未满最低年龄 18 周岁',
      en: 'Aged 17 on the day of the event (2026-11-29), under the minimum age of 18',
    },
    {
      code: 'age-above-maximum',
      applicant: { birthDate: '1960-11-29' },
      zh: '活动当天（2026-11-29）年龄为 66 周岁，超过最高年龄 65 周岁',
      en: 'Aged 66 on the day of the event (2026-11-29), over the maximum age of 65',
    },
    {
      code: 'district-not-eligible',
      applicant: { district: 'mawei' },
      zh: '居住、工作或学习所在区“mawei”不在本次活动面向的区（gulou、taijiang）之内',
      en: 'Lives, works or studies in "mawei", which is not among the districts this open day is for (gulou, taijiang)',
    },
    {
      code: 'duplicate-application',
      context: { earlierApplicants: new Set(['person-a']) },
      zh: '已报名本次活动，每人限报一次',
      en: 'Has already applied to this open day; each person may apply once',
    },
    {
      code: 'no-show-record (the latest counted no-show is named)',
      context: { noShows: [noShowOf('person-a', '2026-02-01'), noShowOf('person-a', '2026-09-12'), noShowOf('person-a', '2024-05-01')] },
      zh: '2026-09-12 入选参加活动后未到场且未事先请假，活动前 12 个月内有爽约记录的不能入选',
      en: 'Was selected for an open day on 2026-09-12 but did not come or give notice; no-shows in the 12 months before the event cannot be selected',
    },
  ])('tells $code in Chinese and English', ({ applicant, context, zh, en }) => {
    const result = screenApplicant({ ...APPLICANT, ...applicant }, OPEN_DAY, { ...CONTEXT, ...context });
    expect(result).toEqual({ eligible: false, reasons: [expect.objectContaining({ zh, en })] });
  });
});
