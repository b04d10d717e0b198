import { changedPaths, firstProblem, inFormOrder, pathParts, problemsByField, standingProblems } from './field-problems';

describe('problemsByField', () => {
  it('keeps the first problem of each field, in words', () => {
    const byField = problemsByField(
      [
        { field: 'title', rule: 'notBlank' },
        { field: 'title', rule: 'tooLong' },
        { field: 'sessions[0].date', rule: 'filingDeadline', message: 'too late' },
      ],
      (problem) => problem.message ?? problem.rule,
    );
    expect(byField).toEqual({ title: 'notBlank', 'sessions[0].date': 'too late' });
  });
});

describe('firstProblem', () => {
  it.each([
    [['quotas[1].category', 'quotas[1]'], 'twice'],
    [['quotas[0].category', 'quotas[0]'], undefined],
  ])('%j → %s', (fields, expected) => {
    expect(firstProblem({ 'quotas[1]': 'twice' }, fields)).toBe(expected);
  });
});

describe('changedPaths', () => {
  // antd's onValuesChange: a list item's field is a sparse array; a list changed whole is dense.
  const sparse = <T,>(index: number, value: T): T[] => {
    const list: T[] = [];
    list[index] = value;
    return list;
  };
  it.each([
    ['a plain field', { title: 'x' }, ['title']],
    ['a group field', { eligibility: { minAge: 18 } }, ['eligibility.minAge']],
    ['a list item field', { sessions: sparse(1, { date: '2026-10-12' }) }, ['sessions[1].date']],
    ['a nested list item field', { sessions: sparse(1, { agenda: sparse(2, { activity: 'x' }) }) }, ['sessions[1].agenda[2].activity']],
    // The first item's field looks like the whole list: both count as changed (a problem too many cleared, never one too few).
    ['the first item of a list', { sessions: [{ date: '2026-10-12' }] }, ['sessions', 'sessions[0].date']],
    ['a list changed whole', { forms: ['forum'] }, ['forms']],
    ['a list of items changed whole', { venues: [{ name: 'a' }] }, ['venues', 'venues[0].name']],
  ])('%s', (_what, changed, paths) => {
    expect(changedPaths(changed)).toEqual(paths);
  });
});

describe('standingProblems', () => {
  const problems = [
    { field: 'title', rule: 'notBlank' },
    { field: 'quotas', rule: 'quotasWithinCapacity' },
    { field: 'sessions[0].date', rule: 'filingDeadline' },
    { field: 'sessions[1].date', rule: 'calendarDate' },
  ];
  it.each([
    [['title'], ['quotas', 'sessions[0].date', 'sessions[1].date']],
    [['quotas[0].places'], ['title', 'sessions[0].date', 'sessions[1].date']],
    [['sessions[0].date'], ['title', 'quotas', 'sessions[1].date']],
    [['sessions'], ['title', 'quotas']],
    [['theme'], ['title', 'quotas', 'sessions[0].date', 'sessions[1].date']],
  ])('after %j changed: %j', (changed, standing) => {
    expect(standingProblems(problems, changed).map((p) => p.field)).toEqual(standing);
  });
});

describe('pathParts', () => {
  it.each([
    ['title', [{ key: 'fields.title' }]],
    ['eligibility.minAge', [{ key: 'fields.minAge' }]],
    ['sessions[0].agenda[2].endsAt', [{ key: 'where.session', n: 1 }, { key: 'where.agendaItem', n: 3 }, { key: 'fields.endsAt' }]],
    ['quotas[1]', [{ key: 'where.quota', n: 2 }]],
    ['venues', [{ key: 'fields.venues' }]],
    ['eligibility.districts[1]', [{ key: 'where.district', n: 2 }]],
    ['releasedTicketIds[0]', [{ key: 'where.releasedTicket', n: 1 }]],
  ])('%s', (field, parts) => {
    expect(pathParts(field)).toEqual(parts);
  });
});

describe('inFormOrder', () => {
  const fields = (list: string[]) => inFormOrder(list.map((field) => ({ field, rule: 'x' }))).map((problem) => problem.field);
  it.each([
    ['sections from top to bottom', ['publishAt', 'venues[0].name', 'sessions[0].date', 'selectionMode', 'title'], ['title', 'selectionMode', 'sessions[0].date', 'venues[0].name', 'publishAt']],
    ['the window in the order of its fields', ['registrationClosesAt', 'publishAt', 'registrationOpensAt'], ['publishAt', 'registrationOpensAt', 'registrationClosesAt']],
    [
      'list items by number, their fields as the row shows them',
      ['sessions[0].agenda[0].activity', 'sessions[10].date', 'sessions[0].agenda[0].startsAt', 'sessions[2].date', 'sessions[0].date'],
      ['sessions[0].date', 'sessions[0].agenda[0].startsAt', 'sessions[0].agenda[0].activity', 'sessions[2].date', 'sessions[10].date'],
    ],
    ['a list before its items', ['quotas[0].places', 'quotas'], ['quotas', 'quotas[0].places']],
    ['a group before its fields, the fields in order', ['eligibility.districts', 'eligibility.minAge', 'eligibility'], ['eligibility', 'eligibility.minAge', 'eligibility.districts']],
    ['fields of another form after, as they came', ['reason', 'title', 'openDay'], ['title', 'reason', 'openDay']],
  ])('%s', (_case, given, expected) => {
    expect(fields(given)).toEqual(expected);
  });

  it('keeps one field\'s problems in their order', () => {
    const problems = inFormOrder([
      { field: 'title', rule: 'tooLong' },
      { field: 'theme', rule: 'notBlank' },
      { field: 'title', rule: 'notBlank' },
    ]);
    expect(problems.map((problem) => `${problem.field} ${problem.rule}`)).toEqual(['title tooLong', 'title notBlank', 'theme notBlank']);
  });
});
