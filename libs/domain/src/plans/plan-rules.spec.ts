import { examplePlan as samplePlan, type EditablePlan } from './example-plan';
import { firstSessionDate, validatePlan } from './plan-rules';

type Change = (plan: EditablePlan) => void;
const session = (plan: EditablePlan) => plan.sessions[0];
const withoutAgendaVenues: Change = (plan) => session(plan).agenda.forEach((item) => delete item.venue);

const rulesOf = (plan: EditablePlan) =>
  validatePlan(plan)
    .map((v) => `${v.field}:${v.rule}`)
    .sort();

describe('validatePlan', () => {
  it('accepts the sample plan', () => {
    expect(validatePlan(samplePlan())).toEqual([]);
  });

  it.each<[string, Change, string[]]>([
    // what it is made of
    ['a blank title', (p) => (p.title = '  '), ['title:notBlank']],
    ['a blank theme', (p) => (p.theme = ''), ['theme:notBlank']],
    ['no form', (p) => (p.forms = []), ['forms:atLeastOneForm']],
    ['a form twice', (p) => (p.forms = ['forum', 'forum']), ['forms[1]:uniqueForms']],
    ['a blank notice', (p) => (p.notices = [' ']), ['notices[0]:notBlank']],
    ['a co-signing department twice', (p) => (p.coSigningDepartments = ['财政局', '财政局']), ['coSigningDepartments[1]:uniqueDepartments']],
    // selection mode: one of three
    ['selection by first come', (p) => (p.selectionMode = 'first-come'), []],
    ['selection by lottery', (p) => (p.selectionMode = 'lottery'), []],
    ['selection by the selection group', (p) => (p.selectionMode = 'selection-group'), []],
    ['selection by auction', (p) => (p.selectionMode = 'auction'), ['selectionMode:selectionMode']],
    // venues
    [
      'a site visit to 1 venue',
      (p) => {
        p.venues = [p.venues[0]];
        withoutAgendaVenues(p);
      },
      ['venues:siteVisitVenues'],
    ],
    [
      'a site visit to 5 venues',
      (p) => p.venues.push({ name: '泵站', address: '' }, { name: '管网调度中心', address: '' }, { name: '污水厂', address: '' }),
      ['venues:siteVisitVenues'],
    ],
    ['a site visit to 4 venues', (p) => p.venues.push({ name: '泵站', address: '' }, { name: '管网调度中心', address: '' }), []],
    [
      'a forum without a venue',
      (p) => {
        p.forms = ['forum'];
        p.venues = [];
        withoutAgendaVenues(p);
      },
      ['venues:venueRequired'],
    ],
    [
      'a livestream without venue or assembly point',
      (p) => {
        p.forms = ['livestream'];
        p.venues = [];
        p.assemblyPoint = '';
        withoutAgendaVenues(p);
      },
      [],
    ],
    ['a site visit without an assembly point', (p) => (p.assemblyPoint = ''), ['assemblyPoint:notBlank']],
    [
      'a venue named twice',
      (p) => {
        p.venues[1].name = p.venues[0].name;
        withoutAgendaVenues(p);
      },
      ['venues[1]:uniqueVenueNames'],
    ],
    ['an agenda item at an unknown venue', (p) => (session(p).agenda[0].venue = '第二水厂'), ['sessions[0].agenda[0].venue:knownVenue']],
    // sessions and agenda
    ['no session', (p) => (p.sessions = []), ['sessions:atLeastOneSession']],
    ['a session ending before it starts', (p) => (session(p).endsAt = '08:00'), ['sessions[0].endsAt:endAfterStart']],
    ['a session ending when it starts', (p) => (session(p).endsAt = '09:00'), ['sessions[0].endsAt:endAfterStart']],
    ['a session without an agenda', (p) => (session(p).agenda = []), ['sessions[0].agenda:agendaRequired']],
    ['an agenda item starting before its session', (p) => (session(p).agenda[0].startsAt = '08:50'), ['sessions[0].agenda[0].startsAt:agendaWithinSession']],
    ['an agenda item ending after its session', (p) => (session(p).agenda[3].endsAt = '11:40'), ['sessions[0].agenda[3].endsAt:agendaWithinSession']],
    ['overlapping agenda items', (p) => (session(p).agenda[1].startsAt = '09:10'), ['sessions[0].agenda[1].startsAt:agendaOverlap']],
    ['an agenda item ending before it starts', (p) => (session(p).agenda[2].endsAt = '10:00'), ['sessions[0].agenda[2].endsAt:endAfterStart']],
    ['a blank agenda activity', (p) => (session(p).agenda[2].activity = ' '), ['sessions[0].agenda[2].activity:notBlank']],
    [
      'two sessions overlapping on one day',
      (p) => p.sessions.push({ ...structuredClone(session(p)), startsAt: '11:00', endsAt: '12:00', agenda: [{ startsAt: '11:00', endsAt: '12:00', activity: '座谈' }] }),
      ['sessions[1].startsAt:sessionsOverlap'],
    ],
    ['a morning and an afternoon session', (p) => p.sessions.push({ ...structuredClone(session(p)), startsAt: '14:00', endsAt: '16:30', agenda: [{ startsAt: '14:00', endsAt: '16:30', activity: '座谈' }] }), []],
    ['one session id twice', (p) => p.sessions.push({ ...structuredClone(session(p)), id: 'a', date: '2026-10-13' }, { ...structuredClone(session(p)), id: 'a', date: '2026-10-14' }), ['sessions[2].id:uniqueSessionId']],
    // places
    ['quotas beyond the capacity', (p) => (p.quotas[0].places = 15), ['quotas:quotasWithinCapacity']],
    ['quotas beyond the smallest session', (p) => p.sessions.push({ ...structuredClone(session(p)), date: '2026-10-13', capacity: 15 }), ['quotas:quotasWithinCapacity']],
    [
      'quotas leaving ordinary citizens less than a third (5+5+5+5 of 20)',
      (p) => (p.quotas = [
        { category: 'ordinary-citizen', places: 5 },
        { category: 'congress-deputy', places: 5 },
        { category: 'party-member', places: 5 },
        { category: 'village-cadre', places: 5 },
      ]),
      ['minOrdinaryShare:minimumShareReachable'],
    ],
    // Quotas are ceilings and a category without one has no places (selection and registration
    // read them so), so ordinary citizens can count only on their own quota, never on places no quota names.
    [
      'congress 5 + party 5 of 15, no ordinary quota (ordinary citizens could not apply)',
      (p) => {
        session(p).capacity = 15;
        p.quotas = [
          { category: 'congress-deputy', places: 5 },
          { category: 'party-member', places: 5 },
        ];
      },
      ['minOrdinaryShare:minimumShareReachable'],
    ],
    [
      'exactly a third of 15 for ordinary citizens (5 + 5 + 5)',
      (p) => {
        session(p).capacity = 15;
        p.quotas = [
          { category: 'ordinary-citizen', places: 5 },
          { category: 'congress-deputy', places: 5 },
          { category: 'party-member', places: 5 },
        ];
      },
      [],
    ],
    [
      'ordinary 2 + party 5 of 10 (7 can come, a third of them is 3)',
      (p) => {
        session(p).capacity = 10;
        p.quotas = [
          { category: 'ordinary-citizen', places: 2 },
          { category: 'party-member', places: 5 },
        ];
      },
      ['minOrdinaryShare:minimumShareReachable'],
    ],
    [
      'ordinary 3 + party 5 of 10',
      (p) => {
        session(p).capacity = 10;
        p.quotas = [
          { category: 'ordinary-citizen', places: 3 },
          { category: 'party-member', places: 5 },
        ];
      },
      [],
    ],
    ['a capacity of 0, reported once', (p) => (session(p).capacity = 0), ['sessions[0].capacity:positiveCapacity']],
    ['a quota of 0 places', (p) => (p.quotas[2].places = 0), ['quotas[2].places:positivePlaces']],
    ['a negative quota, reported once', (p) => (p.quotas[2].places = -1), ['quotas[2].places:positivePlaces']],
    ['no quotas at all', (p) => (p.quotas = []), []],
    ['a category with two quotas', (p) => (p.quotas[2].category = 'congress-deputy'), ['quotas[2]:uniqueCategories']],
    ['a media quota while media come outside it', (p) => p.quotas.push({ category: 'media', places: 2 }), ['quotas[3].category:mediaOutsideQuota']],
    [
      'a media quota when media take places',
      (p) => {
        p.mediaOutsideQuota = false;
        p.quotas[0].places = 8;
        p.quotas.push({ category: 'media', places: 2 });
      },
      [],
    ],
    // media places per session
    ['3 media places outside the quota', (p) => (session(p).mediaPlaces = 3), []],
    ['50 media places', (p) => (session(p).mediaPlaces = 50), []],
    ['51 media places', (p) => (session(p).mediaPlaces = 51), ['sessions[0].mediaPlaces:mediaPlacesRange']],
    ['negative media places', (p) => (session(p).mediaPlaces = -1), ['sessions[0].mediaPlaces:mediaPlacesRange']],
    ['a fraction of a media place', (p) => (session(p).mediaPlaces = 1.5), ['sessions[0].mediaPlaces:mediaPlacesRange']],
    [
      'media places while media take quota places',
      (p) => {
        p.mediaOutsideQuota = false;
        session(p).mediaPlaces = 2;
      },
      ['sessions[0].mediaPlaces:mediaPlacesOutsideQuota'],
    ],
    [
      'no media places while media take quota places',
      (p) => {
        p.mediaOutsideQuota = false;
        session(p).mediaPlaces = 0;
      },
      [],
    ],
    ['a share above 1', (p) => (p.minOrdinaryShare = 1.5), ['minOrdinaryShare:shareRange']],
    // eligibility
    ['a maximum age below the minimum', (p) => (p.eligibility.maxAge = 17), ['eligibility.maxAge:ageRange']],
    ['a minimum age of 130', (p) => (p.eligibility = { minAge: 130, maxAge: null, districts: [] }), ['eligibility.minAge:ageRange']],
    ['a maximum age of 200', (p) => (p.eligibility.maxAge = 200), ['eligibility.maxAge:ageRange']],
    ['no upper age limit', (p) => (p.eligibility.maxAge = null), []],
    ['a district twice', (p) => (p.eligibility.districts = ['gulou', 'gulou']), ['eligibility.districts[1]:uniqueDistricts']],
    // the registration window and publication
    ['registration closing after the first session starts', (p) => (p.registrationClosesAt = '2026-10-12T09:30:00+08:00'), ['registrationClosesAt:closesBeforeEvent']],
    ['registration closing as the first session starts', (p) => (p.registrationClosesAt = '2026-10-12T09:00:00+08:00'), []],
    ['registration closing after the event in UTC terms', (p) => (p.registrationClosesAt = '2026-10-12T01:30:00Z'), ['registrationClosesAt:closesBeforeEvent']],
    ['registration closing before it opens', (p) => (p.registrationClosesAt = '2026-09-29T08:00:00+08:00'), ['registrationClosesAt:windowOrder']],
    ['registration opening before publication', (p) => (p.registrationOpensAt = '2026-09-28T09:00:00+08:00'), ['registrationOpensAt:opensAfterPublication']],
    [
      'publication after the event starts',
      (p) => (p.publishAt = '2026-10-12T10:00:00+08:00'),
      ['publishAt:publishBeforeEvent', 'registrationOpensAt:opensAfterPublication'],
    ],
    ['an unreadable publication time', (p) => (p.publishAt = 'soon'), ['publishAt:dateTime']],
  ])('%s', (_label, change, expected) => {
    const plan = samplePlan();
    change(plan);
    expect(rulesOf(plan)).toEqual([...expected].sort());
  });

  it('reports every violation at once, each with a message', () => {
    const plan = samplePlan();
    plan.forms = [];
    session(plan).agenda[0].startsAt = '08:00';
    plan.quotas[0].places = 30;
    plan.registrationClosesAt = '2026-10-13T16:00:00+08:00';
    const violations = validatePlan(plan);
    expect(violations.map((v) => v.rule).sort()).toEqual(['agendaWithinSession', 'atLeastOneForm', 'closesBeforeEvent', 'quotasWithinCapacity']);
    for (const v of violations) expect(v.message.length).toBeGreaterThan(10);
  });

  it('says when registration must close, in Shanghai time', () => {
    const plan = samplePlan();
    plan.registrationClosesAt = '2026-10-12T10:00:00+08:00';
    expect(validatePlan(plan)[0].message).toContain('2026-10-12 09:00 Asia/Shanghai');
  });
});

describe('firstSessionDate', () => {
  it('is the earliest date whatever the order', () => {
    const plan = samplePlan('2026-10-20');
    plan.sessions.push({ ...structuredClone(session(plan)), date: '2026-10-12' });
    expect(firstSessionDate(plan.sessions)).toBe('2026-10-12');
  });
});
