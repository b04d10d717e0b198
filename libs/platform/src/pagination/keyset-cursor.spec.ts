import { ProblemException } from '../problem/problem';
import { keysetCursor } from './keyset-cursor';

const plans = keysetCursor('plans', ['timestamp', 'uuid'] as const);
const tickets = keysetCursor('tickets', ['sequence'] as const);
const notices = keysetCursor('notices', ['integer', 'text'] as const);
const listing = keysetCursor('listing', ['date', 'uuid'] as const);
const id = '2b1f0c52-8f3e-4a57-9a0e-3f1c7d7b9e11';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keysetCursor', () => {
  it.each([
    ['time and id', plans, ['2026-10-12T01:00:00.000Z', id]],
    ['a sequence', tickets, ['9007199254740993']],
    ['an integer and text', notices, [42, '第二批']],
    ['a date and id', listing, ['2026-10-12', id]],
  ] as const)('gives back what it encoded: %s', (_case, codec, values) => {
    const text = (codec.encode as (v: unknown) => string)(values);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode(text)).toEqual(values);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['another list’s cursor', tickets.encode(['12'])],
    ['a part too few', raw(['plans', '2026-10-12T01:00:00.000Z'])],
    ['a part too many', raw(['plans', '2026-10-12T01:00:00.000Z', id, 'x'])],
    ['a time that is no time', raw(['plans', 'yesterday', id])],
    ['an id that is no UUID', raw(['plans', '2026-10-12T01:00:00.000Z', "1' OR 1=1"])],
    ['an object instead of a list', raw({ kind: 'plans' })],
  ])('refuses %s', (_case, text) => {
    expect(plans.decode(text)).toBeUndefined();
  });

  it.each([
    ['a sequence with a leading zero', raw(['tickets', '012'])],
    ['a sequence that is a number', raw(['tickets', 12])],
    ['a sequence of 20 digits', raw(['tickets', '1'.repeat(20)])],
  ])('refuses %s', (_case, text) => {
    expect(tickets.decode(text)).toBeUndefined();
  });

  it.each([
    ['a date in another format', raw(['listing', '12/10/2026', id])],
    ['a date that does not exist', raw(['listing', '2026-13-45', id])],
  ])('refuses %s', (_case, text) => {
    expect(listing.decode(text)).toBeUndefined();
  });

  it.each([
    ['a negative integer', raw(['notices', -1, 'a'])],
    ['a fraction', raw(['notices', 1.5, 'a'])],
    ['text over 200 characters', raw(['notices', 1, 'x'.repeat(201)])],
  ])('refuses %s', (_case, text) => {
    expect(notices.decode(text)).toBeUndefined();
  });

  it.each([
    ['more rows than the page holds', [1, 2, 3], 2, [1, 2], ['2']],
    ['exactly a page', [1, 2], 2, [1, 2], null],
    ['fewer rows than a page', [1], 2, [1], null],
    ['no rows', [], 2, [], null],
  ])('makes a page of %s', (_case, rows, limit, items, nextKey) => {
    const page = tickets.page(rows, limit, (row) => [String(row)]);
    expect(page.items).toEqual(items);
    expect(page.nextCursor === null ? null : tickets.decode(page.nextCursor)).toEqual(nextKey);
  });

  it('reads a foreign cursor as a 400 problem naming the field and the rule', () => {
    expect.assertions(2);
    try {
      plans.read('bogus', 'after');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({
        status: 400,
        errors: [{ field: 'after', rule: 'cursor', message: 'after must be a value returned as nextCursor' }],
      });
    }
  });
});
