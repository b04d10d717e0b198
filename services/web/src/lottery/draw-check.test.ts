import { checkDraw, normalizedSeed, parseIdList } from './draw-check';

describe('parseIdList', () => {
  it.each([
    ['a\nb\nc', ['a', 'b', 'c']],
    [' A , b，c ; d ', ['a', 'b', 'c', 'd']],
    ['\n\n a \n\n', ['a']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseIdList(text)).toEqual(expected);
  });
});

describe('normalizedSeed', () => {
  const seed = 'ab'.repeat(32);
  it.each([
    [seed, seed],
    [` ${seed.toUpperCase()} `, seed],
    [seed.slice(1), undefined],
    [`${seed.slice(1)}g`, undefined],
    ['', undefined],
  ])('%j', (text, expected) => {
    expect(normalizedSeed(text)).toBe(expected);
  });
});

describe('checkDraw', () => {
  it.each([
    ['same order', ['a', 'b', 'c'], ['a', 'b', 'c'], { outcome: 'matches' }],
    ['case does not matter', ['A', 'b'], ['a', 'B'], { outcome: 'matches' }],
    ['two swapped', ['a', 'c', 'b'], ['a', 'b', 'c'], { outcome: 'differs', firstDifference: 2 }],
    ['one missing from the published list', ['a', 'b'], ['a', 'b', 'c'], { outcome: 'differs', firstDifference: 3 }],
    ['one more in the published list', ['a', 'b', 'c'], ['a', 'b'], { outcome: 'differs', firstDifference: 3 }],
    ['nothing published to compare with', [], ['a'], { outcome: 'no-published' }],
  ])('%s', (_case, published, drawn, expected) => {
    expect(checkDraw(published, drawn)).toEqual(expected);
  });
});
