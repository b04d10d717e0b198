import type { PlanBody } from './plan-form';
import { capacityTone, checkOpenDayChange, checkPlan, quotaArithmetic, reasonProblems } from './plan-rules';

/** A plan that breaks no rule: a site visit to two venues, one session of 10 places. */
function validPlan(): PlanBody {
  return {
    title: '走进自来水厂',
    theme: '了解城市供水全过程',
    forms: ['site-visit', 'forum'],
    sessions: [
      {
        date: '2026-10-12',
        startsAt: '09:00',
        endsAt: '11:30',
        capacity: 10,
        agenda: [
          { startsAt: '09:00', endsAt: '10:00', activity: '参观中控室', venue: '第一水厂' },
          { startsAt: '10:00', endsAt: '11:30', activity: '座谈交流', venue: '水质监测中心' },
        ],
      },
    ],
    venues: [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 9 号' },
    ],
    assemblyPoint: '市民中心北门',
    transport: '统一乘坐大巴',
    quotas: [
      { category: 'ordinary-citizen', places: 4 },
      { category: 'congress-deputy', places: 6 },
    ],
    minOrdinaryShare: 0.34,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: 65, districts: ['gulou'] },
    registrationOpensAt: '2026-09-29T09:00:00+08:00',
    registrationClosesAt: '2026-10-09T16:00:00+08:00',
    selectionMode: 'selection-group',
    coSigningDepartments: [],
    notices: ['请携带本人身份证原件'],
    publishAt: '2026-09-29T09:00:00+08:00',
  };
}

type Change = (plan: PlanBody) => void;

describe('checkPlan', () => {
  it('finds nothing wrong with a valid plan', () => {
    expect(checkPlan(validPlan())).toEqual([]);
  });

  it.each<[string, Change, string, string]>([
    ['a blank title', (p) => (p.title = '  '), 'title', 'notBlank'],
    ['a title over 200 characters', (p) => (p.title = 'x'.repeat(201)), 'title', 'tooLong'],
    ['no form', (p) => (p.forms = []), 'forms', 'atLeastOneForm'],
    ['no selection mode', (p) => (p.selectionMode = '' as PlanBody['selectionMode']), 'selectionMode', 'selectionMode'],
    ['a site visit to one venue', (p) => (p.venues = p.venues.slice(0, 1)), 'venues', 'siteVisitVenues'],
    ['a forum with no venue', (p) => ((p.forms = ['forum']), (p.venues = []), (p.sessions[0].agenda.forEach((i) => delete i.venue))), 'venues', 'venueRequired'],
    ['two venues of one name', (p) => (p.venues[1].name = '第一水厂'), 'venues[1]', 'uniqueVenueNames'],
    ['a blank venue name', (p) => (p.venues[1].name = ''), 'venues[1].name', 'notBlank'],
    ['no assembly point in person', (p) => (p.assemblyPoint = ''), 'assemblyPoint', 'notBlank'],
    ['no session', (p) => (p.sessions = []), 'sessions', 'atLeastOneSession'],
    ['a date that does not exist', (p) => (p.sessions[0].date = '2026-02-30'), 'sessions[0].date', 'calendarDate'],
    ['no capacity', (p) => (p.sessions[0].capacity = Number.NaN), 'sessions[0].capacity', 'positiveCapacity'],
    ['a session ending as it starts', (p) => (p.sessions[0].endsAt = '09:00'), 'sessions[0].endsAt', 'endAfterStart'],
    ['a session time that is no time', (p) => (p.sessions[0].startsAt = '9:00'), 'sessions[0].startsAt', 'timeOfDay'],
    ['no agenda', (p) => (p.sessions[0].agenda = []), 'sessions[0].agenda', 'agendaRequired'],
    ['an agenda item before its session', (p) => (p.sessions[0].agenda[0].startsAt = '08:30'), 'sessions[0].agenda[0].startsAt', 'agendaWithinSession'],
    ['an agenda item after its session', (p) => (p.sessions[0].agenda[1].endsAt = '12:00'), 'sessions[0].agenda[1].endsAt', 'agendaWithinSession'],
    ['agenda items overlapping', (p) => (p.sessions[0].agenda[1].startsAt = '09:50'), 'sessions[0].agenda[1].startsAt', 'agendaOverlap'],
    ['an agenda venue not in the plan', (p) => (p.sessions[0].agenda[0].venue = '第二水厂'), 'sessions[0].agenda[0].venue', 'knownVenue'],
    ['a blank activity', (p) => (p.sessions[0].agenda[0].activity = ' '), 'sessions[0].agenda[0].activity', 'notBlank'],
    ['quotas over the capacity', (p) => (p.quotas[1].places = 7), 'quotas', 'quotasWithinCapacity'],
    ['the ordinary minimum out of reach', (p) => ((p.sessions[0].capacity = 12), (p.quotas[1].places = 8)), 'minOrdinaryShare', 'minimumShareReachable'],
    ['a category twice', (p) => (p.quotas[1].category = 'ordinary-citizen'), 'quotas[1]', 'uniqueCategories'],
    ['a quota of no places', (p) => (p.quotas[0].places = 0), 'quotas[0].places', 'positivePlaces'],
    ['a media quota with media outside', (p) => p.quotas.push({ category: 'media', places: 1 }), 'quotas[2].category', 'mediaOutsideQuota'],
    ['a share over 100%', (p) => (p.minOrdinaryShare = 1.2), 'minOrdinaryShare', 'shareRange'],
    ['a maximum age below the minimum', (p) => (p.eligibility.maxAge = 16), 'eligibility.maxAge', 'ageRange'],
    ['a minimum age of 121', (p) => (p.eligibility.minAge = 121), 'eligibility.minAge', 'ageRange'],
    ['a district twice', (p) => (p.eligibility.districts = ['gulou', 'gulou']), 'eligibility.districts[1]', 'uniqueDistricts'],
    ['no publication time', (p) => (p.publishAt = ''), 'publishAt', 'dateTime'],
    ['a window closing as it opens', (p) => (p.registrationClosesAt = p.registrationOpensAt), 'registrationClosesAt', 'windowOrder'],
    ['a window closing after the event starts', (p) => (p.registrationClosesAt = '2026-10-12T09:30:00+08:00'), 'registrationClosesAt', 'closesBeforeEvent'],
    ['applications opening before publication', (p) => (p.publishAt = '2026-09-30T09:00:00+08:00'), 'registrationOpensAt', 'opensAfterPublication'],
    ['a blank notice', (p) => p.notices.push(''), 'notices[1]', 'notBlank'],
    ['a department twice', (p) => (p.coSigningDepartments = ['tax-bureau', 'tax-bureau']), 'coSigningDepartments[1]', 'uniqueDepartments'],
  ])('names %s', (_what, change, field, rule) => {
    const plan = validPlan();
    change(plan);
    expect(checkPlan(plan)).toContainEqual({ field, rule });
  });

  it('finds two sessions of one day overlapping, on the later one', () => {
    const plan = validPlan();
    plan.sessions.push({ ...plan.sessions[0], startsAt: '11:00', endsAt: '12:00', agenda: [{ startsAt: '11:00', endsAt: '12:00', activity: '座谈' }] });
    expect(checkPlan(plan)).toContainEqual({ field: 'sessions[1].startsAt', rule: 'sessionsOverlap' });
  });

  it('lets an online livestream go without venues or assembly point', () => {
    const plan = validPlan();
    plan.forms = ['livestream'];
    plan.venues = [];
    plan.assemblyPoint = '';
    plan.sessions[0].agenda.forEach((item) => delete item.venue);
    expect(checkPlan(plan)).toEqual([]);
  });
});

describe('quotaArithmetic', () => {
  const base = { minOrdinaryShare: 0.34, mediaOutsideQuota: true };
  const session = (capacity: number) => ({ date: '2026-10-12', startsAt: '09:00', endsAt: '11:00', capacity, agenda: [] });

  it('is undefined until a session has places', () => {
    expect(quotaArithmetic({ ...base, sessions: [session(Number.NaN)], quotas: [] })).toBeUndefined();
  });

  it.each([
    ['quotas within the capacity', [10], [['ordinary-citizen', 4], ['congress-deputy', 6]], { reserved: 10, unreserved: 0, overBy: 0 }, [{ capacity: 10, fullSession: 10, required: 4, available: 4, missing: 0 }]],
    // Places no quota names stay empty: the session fills to 10, of whom ordinary citizens must be 4.
    ['places in no quota', [20], [['ordinary-citizen', 5], ['party-member', 5]], { reserved: 10, unreserved: 10, overBy: 0 }, [{ capacity: 20, fullSession: 10, required: 4, available: 5, missing: 0 }]],
    ['no ordinary quota: ordinary citizens get none', [15], [['congress-deputy', 5], ['party-member', 5]], { reserved: 10, unreserved: 5, overBy: 0 }, [{ capacity: 15, fullSession: 10, required: 4, available: 0, missing: 4 }]],
    ['quotas over the smallest session', [12, 10], [['ordinary-citizen', 4], ['congress-deputy', 8]], { reserved: 12, unreserved: 0, overBy: 2 }, [
      { capacity: 10, fullSession: 10, required: 4, available: 4, missing: 0 },
      { capacity: 12, fullSession: 12, required: 5, available: 4, missing: 1 },
    ]],
    ['media outside the quota not counted', [10], [['ordinary-citizen', 10], ['media', 3]], { reserved: 10, unreserved: 0, overBy: 0 }, [{ capacity: 10, fullSession: 10, required: 4, available: 10, missing: 0 }]],
    ['a quota not yet given places', [10], [['ordinary-citizen', Number.NaN]], { reserved: 0, unreserved: 10, overBy: 0 }, [{ capacity: 10, fullSession: 0, required: 0, available: 0, missing: 0 }]],
    ['no quotas: any category, up to the capacity', [10], [], { reserved: 0, noQuotas: true, overBy: 0 }, [{ capacity: 10, fullSession: 10, required: 4, available: 10, missing: 0 }]],
  ] as const)('%s', (_what, capacities, quotas, totals, ordinary) => {
    const arithmetic = quotaArithmetic({
      ...base,
      sessions: capacities.map(session),
      quotas: quotas.map(([category, places]) => ({ category, places })) as PlanBody['quotas'],
    });
    expect(arithmetic).toMatchObject({ ...totals, smallest: Math.min(...capacities), percent: 34, ordinary });
  });

  it('counts media places when media take places', () => {
    const arithmetic = quotaArithmetic({ minOrdinaryShare: 0.34, mediaOutsideQuota: false, sessions: [session(10)], quotas: [{ category: 'ordinary-citizen', places: 8 }, { category: 'media', places: 3 }] });
    expect(arithmetic).toMatchObject({ reserved: 11, overBy: 1, forOthers: 3 });
  });
});

describe('capacityTone', () => {
  it.each([
    ['quotas over the smallest session', { overBy: 2, unreserved: 0, noQuotas: false }, 'bad'],
    ['places in no quota, which nobody can take', { overBy: 0, unreserved: 10, noQuotas: false }, 'warning'],
    ['no quotas: every place open to any category', { overBy: 0, unreserved: 10, noQuotas: true }, 'good'],
    ['every place in a quota', { overBy: 0, unreserved: 0, noQuotas: false }, 'good'],
  ] as const)('%s → %s', (_what, arithmetic, tone) => {
    expect(capacityTone(arithmetic)).toBe(tone);
  });
});

describe('checkOpenDayChange', () => {
  it('wants something changed and a reason', () => {
    const plan = validPlan();
    expect(checkOpenDayChange(plan, plan, '')).toEqual([
      { field: 'sessions', rule: 'nothingChanged' },
      { field: 'reason', rule: 'notBlank' },
    ]);
  });

  it('checks the plan as it would be', () => {
    const before = validPlan();
    const after = validPlan();
    after.sessions[0].startsAt = '14:00';
    after.sessions[0].endsAt = '16:30';
    expect(checkOpenDayChange(before, after, '上午检修，改为下午')).toContainEqual({ field: 'sessions[0].agenda[0].startsAt', rule: 'agendaWithinSession' });
  });

  it.each<[string, (plan: PlanBody) => void]>([
    ['a notice', (plan) => plan.notices.push('请带身份证')],
    ['the youngest age', (plan) => (plan.eligibility.minAge = 16)],
    ['a district', (plan) => (plan.eligibility.districts = ['gulou', 'xuanwu'])],
  ])('counts %s as a change', (_name, change) => {
    const after = validPlan();
    change(after);
    expect(checkOpenDayChange(validPlan(), after, '补充说明')).not.toContainEqual({ field: 'sessions', rule: 'nothingChanged' });
  });

  it('lets a moved assembly point with a reason through', () => {
    const after = validPlan();
    after.assemblyPoint = '市民中心南门';
    expect(checkOpenDayChange(validPlan(), after, '北门施工')).toEqual([]);
  });
});

describe('reasonProblems', () => {
  it.each([
    ['empty', '', [{ field: 'reason', rule: 'notBlank' }]],
    ['blank', '   ', [{ field: 'reason', rule: 'notBlank' }]],
    ['501 characters', 'x'.repeat(501), [{ field: 'reason', rule: 'tooLong' }]],
    ['a reason', '受台风影响，本次开放日取消', []],
  ])('%s → %j', (_what, reason, problems) => {
    expect(reasonProblems(reason)).toEqual(problems);
  });
});
