import { placesLeft, totalPlacesLeft, type PlacesSelectionMode } from './places-left';

describe('placesLeft (what the public portal shows as left)', () => {
  it.each<[string, PlacesSelectionMode | null, number, number, number, number | null]>([
    ['first-come, nobody yet', 'first-come', 20, 0, 0, 20],
    ['first-come counts selections, not applications', 'first-come', 20, 25, 12, 8],
    ['first-come, full', 'first-come', 20, 30, 20, 0],
    ['first-come, outside-quota selections never go below 0', 'first-come', 20, 30, 22, 0],
    ['lottery, fewer applications than places', 'lottery', 20, 7, 0, 13],
    ['lottery counts applications: a draw is coming', 'lottery', 20, 20, 0, 0],
    ['lottery, oversubscribed stays at 0', 'lottery', 20, 300, 0, 0],
    ['lottery after the draw still counts applications', 'lottery', 20, 300, 20, 0],
    ['selection-group like a lottery', 'selection-group', 10, 4, 0, 6],
    ['no selection mode: unknown', null, 20, 3, 0, null],
    ['a session without places', 'first-come', 0, 0, 0, 0],
  ])('%s', (_case, mode, places, applied, selected, expected) => {
    expect(placesLeft(mode, { places, applied, selected })).toBe(expected);
  });
});

describe('totalPlacesLeft', () => {
  it.each<[string, Array<number | null>, number | null]>([
    ['sums the sessions', [3, 0, 12], 15],
    ['no sessions: unknown', [], null],
    ['unknown when any session is', [3, null], null],
  ])('%s', (_case, sessions, expected) => {
    expect(totalPlacesLeft(sessions)).toBe(expected);
  });
});
