import { settledArrivals } from './awaiting-arrivals';

describe('settledArrivals: the awaiting arrivals (in submission order) that can be decided now', () => {
  const arrival = (id: string, due: boolean) => ({ id, due });

  it.each([
    { name: 'none awaiting', awaiting: [], settled: [] },
    { name: 'all due', awaiting: [arrival('a', true), arrival('b', true)], settled: ['a', 'b'] },
    { name: 'the first still settling holds everyone after it', awaiting: [arrival('a', true), arrival('b', false), arrival('c', true)], settled: ['a'] },
    { name: 'the earliest still settling holds all', awaiting: [arrival('a', false), arrival('b', true)], settled: [] },
  ])('$name', ({ awaiting, settled }) => {
    expect(settledArrivals(awaiting).map((a) => a.id)).toEqual(settled);
  });
});
