import { runsOfDistinctPeople } from './people-first';

describe('runsOfDistinctPeople', () => {
  it.each([
    ['nothing', [], []],
    ['different people: one run', ['a1', 'b1', 'c1'], [['a1', 'b1', 'c1']]],
    ['a person again: a new run from there', ['a1', 'b1', 'a2', 'c1'], [['a1', 'b1'], ['a2', 'c1']]],
    ['the same person throughout: one item a run, in order', ['a1', 'a2', 'a3'], [['a1'], ['a2'], ['a3']]],
    ['ids differing only in case are one person', ['A1', 'a2'], [['A1'], ['a2']]],
  ])('%s', (_, items, runs) => {
    expect(runsOfDistinctPeople(items, (item) => item.slice(0, 1))).toEqual(runs);
  });
});
