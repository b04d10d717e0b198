import { personIdsIn } from './personal-data-reads';

describe('personIdsIn', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['a page of applicants', { items: [{ personId: 'p1', maskedName: '张*三' }, { personId: 'p2' }], nextCursor: null }, ['p1', 'p2']],
    ['a selection result, per session', { sessions: [{ selected: [{ personId: 'p1' }], waitlisted: [{ personId: 'p3' }] }, { selected: [{ personId: 'p1' }] }] }, ['p1', 'p3']],
    ['one check-in entry', { ticketId: 't', personId: 'p9' }, ['p9']],
    ['feedback recorded without a person', { items: [{ personId: null }, { personId: 'p4' }] }, ['p4']],
    ['nothing personal', { counts: { issued: 3 } }, []],
    ['not an object', 'text', []],
  ];
  it.each(cases)('%s', (_name, result, expected) => {
    expect(personIdsIn(result)).toEqual(expected);
  });
});
