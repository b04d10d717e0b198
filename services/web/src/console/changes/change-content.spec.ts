import { changedGroups, changeInput, changeLines, namingProblems, releasedStillNeeded, reviewNeeded, sessionsToCorrect, sessionsToName, type ChangeContent, type ChangeSession, type DiffWords } from './change-content';

const session = (id: string | undefined, date: string, startsAt: string, endsAt: string, capacity = 20, activity = '参观'): ChangeSession => ({
  ...(id ? { id } : {}),
  date,
  startsAt,
  endsAt,
  capacity,
  agenda: [{ startsAt, endsAt, activity, venue: '水厂' }],
});

const base: ChangeContent = {
  sessions: [session('s1', '2026-12-20', '09:00', '11:30')],
  venues: [{ name: '水厂', address: '江东路1号' }],
  assemblyPoint: '正门',
  eligibility: { minAge: 18, maxAge: null, districts: ['gulou'] },
  notices: ['带身份证'],
};
const withChange = (change: Partial<ChangeContent>): ChangeContent => ({ ...base, ...change });

const words: DiffWords = {
  date: (date) => date,
  list: (items) => items.join('、'),
  ages: (min, max) => (max === null ? `${min}+` : `${min}-${max}`),
  districts: (districts) => (districts.length === 0 ? 'city' : districts.join('、')),
};

describe('changedGroups', () => {
  it.each<[string, ChangeContent, string[]]>([
    ['nothing', withChange({}), []],
    ['an undefined age limit is no age limit', withChange({ eligibility: { minAge: 18, districts: ['gulou'] } }), []],
    ['the same eligibility spelled out', withChange({ eligibility: { minAge: 18, maxAge: null, districts: ['gulou'] } }), []],
    ['an empty agenda venue is none', withChange({ sessions: [{ ...base.sessions[0], agenda: [{ ...base.sessions[0].agenda[0], venue: '水厂' }] }] }), []],
    ['a session moved', withChange({ sessions: [session('s1', '2026-12-20', '14:00', '16:30')] }), ['sessions']],
    ['a session added', withChange({ sessions: [...base.sessions, session(undefined, '2026-12-21', '09:00', '11:30')] }), ['sessions']],
    ['venues and assembly point', withChange({ venues: [{ name: '水厂', address: '江东路2号' }], assemblyPoint: '北门' }), ['venues', 'assemblyPoint']],
    ['eligibility', withChange({ eligibility: { minAge: 16, maxAge: null, districts: ['gulou'] } }), ['eligibility']],
    ['notices', withChange({ notices: ['带身份证', '穿平底鞋'] }), ['notices']],
  ])('%s', (_name, after, groups) => {
    expect(changedGroups(base, after)).toEqual(groups);
  });
});

describe('reviewNeeded', () => {
  it.each<[string[], boolean]>([
    [[], false],
    [['notices'], false],
    [['sessions'], true],
    [['notices', 'eligibility'], true],
    [['assemblyPoint'], true],
  ])('%j → %s', (groups, needed) => {
    expect(reviewNeeded(groups as never)).toBe(needed);
  });
});

describe('changeInput', () => {
  it.each<[string, ChangeContent, string[], object]>([
    ['only notices', withChange({ notices: [] }), [], { notices: [], reason: '原因' }],
    [
      'sessions with people named',
      withChange({ sessions: [session('s1', '2026-12-20', '09:00', '11:30', 10)] }),
      ['t1'],
      { sessions: [session('s1', '2026-12-20', '09:00', '11:30', 10)], releasedTicketIds: ['t1'], reason: '原因' },
    ],
    [
      'eligibility without an age limit says null',
      withChange({ eligibility: { minAge: 16, districts: [] } }),
      [],
      { eligibility: { minAge: 16, maxAge: null, districts: [] }, reason: '原因' },
    ],
    ['assembly point only', withChange({ assemblyPoint: '北门' }), [], { assemblyPoint: '北门', reason: '原因' }],
    [
      'an agenda item without venue leaves it out',
      withChange({ sessions: [{ ...base.sessions[0], agenda: [{ startsAt: '09:00', endsAt: '10:00', activity: '座谈', venue: null }] }] }),
      [],
      { sessions: [{ ...base.sessions[0], agenda: [{ startsAt: '09:00', endsAt: '10:00', activity: '座谈' }] }], reason: '原因' },
    ],
  ])('%s', (_name, after, released, input) => {
    expect(changeInput(base, after, released, '  原因 ')).toEqual(input);
  });
});

describe('sessionsToName', () => {
  const tickets = new Map([
    ['s1', ['t1', 't2', 't3', 't4', 't5']],
    ['s2', ['u1', 'u2']],
  ]);
  it.each<[string, ChangeSession[], string[], Array<Partial<ReturnType<typeof sessionsToName>[number]>>]>([
    ['capacity above places taken: no one to name', [session('s1', '2026-12-20', '09:00', '11:30', 5)], [], []],
    ['lowered by two: two to name', [session('s1', '2026-12-20', '09:00', '11:30', 3)], [], [{ sessionId: 's1', index: 0, taken: 5, toName: 2, named: 0, stillToName: 2, namedTooMany: 0 }]],
    ['one named, one still to name', [session('s1', '2026-12-20', '09:00', '11:30', 3)], ['t2'], [{ toName: 2, named: 1, stillToName: 1 }]],
    ['a ticket of another session does not count', [session('s1', '2026-12-20', '09:00', '11:30', 3)], ['u1', 't1'], [{ named: 1, stillToName: 1 }]],
    ['named too many', [session('s1', '2026-12-20', '09:00', '11:30', 4)], ['t1', 't2'], [{ toName: 1, named: 2, stillToName: 0, namedTooMany: 1 }]],
    ['the index is the place in the changed list', [session(undefined, '2026-12-19', '09:00', '11:30', 3), session('s2', '2026-12-21', '09:00', '11:30', 1)], [], [{ sessionId: 's2', index: 1, toName: 1 }]],
    ['a new session has no places taken', [session(undefined, '2026-12-20', '09:00', '11:30', 1)], [], []],
    ['an empty capacity is not judged yet', [{ ...session('s1', '2026-12-20', '09:00', '11:30'), capacity: Number.NaN }], [], []],
  ])('%s', (_name, after, released, expected) => {
    const found = sessionsToName(after, tickets, released);
    expect(found).toHaveLength(expected.length);
    found.forEach((item, i) => expect(item).toMatchObject(expected[i]));
  });
});

describe('releasedStillNeeded', () => {
  const tickets = new Map([
    ['s1', ['t1', 't2']],
    ['s2', ['u1']],
  ]);
  it.each<[string, string[], string[], string[]]>([
    ['kept while its session is lowered', ['t1'], ['s1'], ['t1']],
    ['dropped once the capacity is raised again', ['t1', 'u1'], ['s2'], ['u1']],
    ['none lowered: none kept', ['t1'], [], []],
  ])('%s', (_name, named, lowered, kept) => {
    const toName = lowered.map((sessionId, index) => ({ sessionId, index, capacity: 0, taken: 1, toName: 1, named: 0, stillToName: 1, namedTooMany: 0 }));
    expect(releasedStillNeeded(named, toName, tickets)).toEqual(kept);
  });
});

describe('changeLines', () => {
  it.each<[string, ChangeContent, Array<[string, Record<string, string | number>]>]>([
    ['nothing changed', withChange({}), []],
    [
      'a session added and another moved',
      withChange({ sessions: [session('s1', '2026-12-20', '14:00', '16:30'), session(undefined, '2026-12-21', '09:00', '11:30', 15)] }),
      [
        ['sessionMoved', { from: '2026-12-20 09:00–11:30', to: '2026-12-20 14:00–16:30' }],
        ['agenda', { session: '2026-12-20 14:00–16:30' }],
        ['sessionAdded', { session: '2026-12-21 09:00–11:30', capacity: 15 }],
      ],
    ],
    ['a session removed', withChange({ sessions: [] }), [['sessionRemoved', { session: '2026-12-20 09:00–11:30' }]]],
    ['capacity lowered', withChange({ sessions: [session('s1', '2026-12-20', '09:00', '11:30', 12)] }), [['capacity', { session: '2026-12-20 09:00–11:30', from: 20, to: 12 }]]],
    ['the agenda alone', withChange({ sessions: [session('s1', '2026-12-20', '09:00', '11:30', 20, '座谈')] }), [['agenda', { session: '2026-12-20 09:00–11:30' }]]],
    ['venues', withChange({ venues: [{ name: '泵站', address: '' }] }), [['venues', { from: '水厂', to: '泵站' }]]],
    ['assembly point cleared', withChange({ assemblyPoint: '' }), [['assemblyPoint', { from: '正门', to: '—' }]]],
    [
      'ages and districts',
      withChange({ eligibility: { minAge: 16, maxAge: 70, districts: [] } }),
      [
        ['ages', { from: '18+', to: '16-70' }],
        ['districts', { from: 'gulou', to: 'city' }],
      ],
    ],
    [
      'notices added and removed',
      withChange({ notices: ['穿平底鞋'] }),
      [
        ['noticeRemoved', { notice: '带身份证' }],
        ['noticeAdded', { notice: '穿平底鞋' }],
      ],
    ],
    ['notices only reordered', { ...base, notices: ['b', 'a'] }, [['noticesReordered', {}]]],
  ])('%s', (_name, after, lines) => {
    const before = after.notices[0] === 'b' ? { ...base, notices: ['a', 'b'] } : base;
    expect(changeLines(before, after, words).map((line) => [line.key, line.values])).toEqual(lines);
  });
});

describe('namingProblems', () => {
  const toName = (index: number, stillToName: number, namedTooMany: number) => ({ sessionId: `s${index}`, index, capacity: 1, taken: 3, toName: 2, named: 0, stillToName, namedTooMany });
  it.each([
    ['all named', [toName(0, 0, 0)], []],
    ['some still to name', [toName(0, 0, 0), toName(2, 1, 0)], [{ field: 'sessions[2].capacity', rule: 'capacityBelowPlacesTaken' }]],
    ['too many named', [toName(1, 0, 2)], [{ field: 'sessions[1].capacity', rule: 'releasedTooMany' }]],
  ])('%s', (_name, sessions, problems) => {
    expect(namingProblems(sessions)).toEqual(problems);
  });
});

describe('sessionsToCorrect', () => {
  it.each<[string, Array<{ id?: string; date: string }>, Array<{ id?: string; date: string }>]>([
    ['a kept session keeps its id', [{ id: 's1', date: 'd' }], [{ id: 's1', date: 'd' }]],
    ['a session the returned change added is new again', [{ id: 'n1', date: 'd' }], [{ date: 'd' }]],
    ['a session without id stays new', [{ date: 'd' }], [{ date: 'd' }]],
  ])('%s', (_name, sessions, corrected) => {
    expect(sessionsToCorrect(sessions, new Set(['s1']))).toEqual(corrected);
  });
});
