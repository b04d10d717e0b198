import { blankPlanValues, eventDateOf, instantOf, localOf, percentOf, planBody, planValues, shareOf, type Plan } from './plan-form';
import { checkPlan } from './plan-rules';

describe('instantOf and localOf (Shanghai wall clock)', () => {
  it.each([
    ['2026-10-09T16:00', '2026-10-09T16:00:00+08:00'],
    ['2026-10-09T16:00:05', '2026-10-09T16:00:05+08:00'],
    ['', ''],
    ['tomorrow', 'tomorrow'],
  ])('instantOf(%j) → %j', (local, instant) => {
    expect(instantOf(local)).toBe(instant);
  });

  it.each([
    ['2026-10-09T08:00:00Z', '2026-10-09T16:00'],
    ['2026-10-09T16:00:05+08:00', '2026-10-09T16:00:05'],
    ['2026-12-31T20:30:00Z', '2027-01-01T04:30'],
    ['not a time', ''],
  ])('localOf(%j) → %j', (instant, local) => {
    expect(localOf(instant)).toBe(local);
  });
});

describe('shareOf and percentOf', () => {
  it.each([
    [33.34, 0.3334],
    [34, 0.34],
    [100, 1],
    [0, 0],
  ])('%f%% ↔ %f', (percent, share) => {
    expect(shareOf(percent)).toBe(share);
    expect(percentOf(share)).toBe(percent);
  });

  it('has no share without a percentage', () => {
    expect(shareOf(null)).toBeNaN();
  });
});

describe('eventDateOf', () => {
  it.each([
    [[{ date: '2026-10-13' }, { date: '2026-10-12' }], '2026-10-12'],
    [[{ date: '' }, { date: '2026-10-12' }], '2026-10-12'],
    [[{ date: '2026-02-30' }], undefined],
    [[], undefined],
  ])('%j → %s', (sessions, date) => {
    expect(eventDateOf(sessions)).toBe(date);
  });
});

describe('planBody and planValues', () => {
  const plan = {
    id: '6f1c2a8e-0000-4000-8000-000000000001',
    status: 'returned',
    title: '走进自来水厂',
    theme: '了解城市供水全过程',
    forms: ['site-visit'],
    sessions: [
      {
        id: '6f1c2a8e-0000-4000-8000-000000000002',
        date: '2026-10-12',
        startsAt: '09:00',
        endsAt: '11:30',
        capacity: 10,
        mediaPlaces: 3,
        agenda: [
          { startsAt: '09:00', endsAt: '10:00', activity: '参观中控室', venue: '第一水厂' },
          { startsAt: '10:00', endsAt: '11:30', activity: '座谈交流', venue: null },
        ],
      },
    ],
    venues: [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '' },
    ],
    assemblyPoint: '市民中心北门',
    transport: '',
    quotas: [{ category: 'ordinary-citizen', places: 10 }],
    minOrdinaryShare: 0.3334,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: null, districts: [] },
    registrationOpensAt: '2026-09-29T01:00:00.000Z',
    registrationClosesAt: '2026-10-09T08:00:00.000Z',
    selectionMode: 'lottery',
    coSigningDepartments: ['tax-bureau'],
    notices: ['请携带本人身份证原件'],
    publishAt: '2026-09-29T01:00:00.000Z',
  } as unknown as Plan;

  it('gives back the plan it was loaded from (session ids kept, instants with their offset)', () => {
    const body = planBody(planValues(plan));
    expect(body).toEqual({
      title: plan.title,
      theme: plan.theme,
      forms: ['site-visit'],
      sessions: [
        {
          id: plan.sessions[0].id,
          date: '2026-10-12',
          startsAt: '09:00',
          endsAt: '11:30',
          capacity: 10,
          mediaPlaces: 3,
          agenda: [
            { startsAt: '09:00', endsAt: '10:00', activity: '参观中控室', venue: '第一水厂' },
            { startsAt: '10:00', endsAt: '11:30', activity: '座谈交流' },
          ],
        },
      ],
      venues: plan.venues,
      assemblyPoint: '市民中心北门',
      transport: '',
      quotas: [{ category: 'ordinary-citizen', places: 10 }],
      minOrdinaryShare: 0.3334,
      mediaOutsideQuota: true,
      eligibility: { minAge: 18, maxAge: null, districts: [] },
      registrationOpensAt: '2026-09-29T09:00:00+08:00',
      registrationClosesAt: '2026-10-09T16:00:00+08:00',
      selectionMode: 'lottery',
      coSigningDepartments: ['tax-bureau'],
      notices: ['请携带本人身份证原件'],
      publishAt: '2026-09-29T09:00:00+08:00',
    });
    expect(checkPlan(body)).toEqual([]);
  });

  it('sends no media places while media take quota places (the field is hidden then)', () => {
    const values = planValues(plan);
    values.mediaOutsideQuota = false;
    expect(planBody(values).sessions[0].mediaPlaces).toBe(0);
  });

  it('names media places over 50 on the session', () => {
    const values = planValues(plan);
    values.sessions[0].mediaPlaces = 51;
    expect(checkPlan(planBody(values))).toEqual([{ field: 'sessions[0].mediaPlaces', rule: 'mediaPlacesRange' }]);
  });

  it('trims what is typed', () => {
    const values = { ...planValues(plan), title: '  走进水厂 ', notices: [' 着装整洁 '] };
    expect(planBody(values)).toMatchObject({ title: '走进水厂', notices: ['着装整洁'] });
  });

  it('starts a new plan that names what is still to be written', () => {
    const rules = checkPlan(planBody(blankPlanValues())).map((problem) => `${problem.field}:${problem.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'title:notBlank',
        'forms:atLeastOneForm',
        'selectionMode:selectionMode',
        'sessions[0].date:calendarDate',
        'sessions[0].agenda[0].startsAt:timeOfDay',
        'quotas[0].places:positivePlaces',
        'publishAt:dateTime',
      ]),
    );
  });
});
