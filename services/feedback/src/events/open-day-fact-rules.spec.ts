import { oncePerKey } from './open-day-fact-rules';

describe('oncePerKey', () => {
  const b1 = { key: 'b', n: 1 };
  const a2 = { key: 'a', n: 2 };
  const B3 = { key: 'B', n: 3 };

  it.each([
    ['every item, in key order, when the keys are distinct', [b1, a2], 'first' as const, [a2, b1]],
    ["a key's first item (keys in any case)", [b1, a2, B3], 'first' as const, [a2, b1]],
    ["a key's last item (keys in any case)", [b1, a2, B3], 'last' as const, [a2, B3]],
    ['nothing of nothing', [], 'last' as const, []],
  ])('keeps %s', (_label, items, keep, kept) => {
    expect(oncePerKey(items, (item) => item.key, keep)).toEqual(kept);
  });
});
