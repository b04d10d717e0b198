import { parseIdList } from '../lottery/draw-check';
import { lotteryCheckLink } from './lottery-check-link';

describe('lotteryCheckLink', () => {
  const seed = 'ab'.repeat(32);
  it.each([
    ['two entries', ['7f0c2a8e-0000-4000-8000-000000000001', '7f0c2a8e-0000-4000-8000-000000000002']],
    ['one entry', ['7f0c2a8e-0000-4000-8000-000000000003']],
  ])('carries the open day, the seed and the drawn order (%s) so the check page reads them back', (_case, drawnOrder) => {
    const link = new URL(lotteryCheckLink('od-1', { seed, drawnOrder }), 'http://portal.test');
    expect(link.pathname).toBe('/lottery-verification');
    expect(link.searchParams.get('openDayId')).toBe('od-1');
    expect(link.searchParams.get('seed')).toBe(seed);
    expect(parseIdList(link.searchParams.get('order') ?? '')).toEqual(drawnOrder);
    expect(link.searchParams.has('secret')).toBe(false);
  });

  it('carries a committed draw’s commitment, secret and entry-list hash (recipe 2)', () => {
    const draw = { seed, drawnOrder: ['a'], commitment: 'cd'.repeat(32), secret: 'ef'.repeat(32), entryListHash: '01'.repeat(32) };
    const link = new URL(lotteryCheckLink('od-1', draw), 'http://portal.test');
    expect(Object.fromEntries(link.searchParams)).toEqual({ openDayId: 'od-1', commitment: draw.commitment, secret: draw.secret, entryListHash: draw.entryListHash, seed, order: 'a' });
  });
});
