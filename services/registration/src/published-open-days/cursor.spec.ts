import { decodeCursor, encodeCursor } from './cursor';

describe('open-day cursor', () => {
  it('round-trips', () => {
    const cursor = { date: '2026-11-29', id: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['not base64 json', 'zzz'],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['bad date', Buffer.from('["29/11/2026","6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41"]').toString('base64url')],
    ['bad id', Buffer.from('["2026-11-29","1; drop table"]').toString('base64url')],
  ])('rejects %s', (_label, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
