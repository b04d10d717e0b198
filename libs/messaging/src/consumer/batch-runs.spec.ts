import { lastOfEach, runsOfDistinct } from './batch-runs';

describe('runsOfDistinct', () => {
  const key = (item: { person: string }) => item.person;
  const a1 = { person: 'a', n: 1 };
  const b1 = { person: 'b', n: 2 };
  const a2 = { person: 'A', n: 3 };
  const c1 = { person: 'c', n: 4 };
  const a3 = { person: 'a', n: 5 };

  it.each([
    ['one run when every key is distinct', [a1, b1, c1], [[a1, b1, c1]]],
    ['a new run where a key comes again (in any case)', [a1, b1, a2, c1], [[a1, b1], [a2, c1]]],
    ['as many runs as a key comes', [a1, a2, a3], [[a1], [a2], [a3]]],
    ['no run of nothing', [], []],
  ])('cuts %s', (_label, items, runs) => {
    expect(runsOfDistinct(items, key)).toEqual(runs);
  });
});

describe('lastOfEach', () => {
  it.each([
    ['the items when every key is distinct', [{ k: 'a', n: 1 }, { k: 'b', n: 2 }], [{ k: 'a', n: 1 }, { k: 'b', n: 2 }]],
    ['the later of two of a key (in any case), where the first stood', [{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'A', n: 3 }], [{ k: 'A', n: 3 }, { k: 'b', n: 2 }]],
  ])('keeps %s', (_label, items, kept) => {
    expect(lastOfEach(items, (item) => item.k)).toEqual(kept);
  });
});
