import { childTraceparent, correlationFrom, currentCorrelation, runWithCorrelation } from './correlation';

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

describe('correlation', () => {
  it('continues the caller’s trace with a new span id', () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const child = childTraceparent(incoming);
    expect(child).toMatch(TRACEPARENT);
    expect(child.split('-')[1]).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.split('-')[2]).not.toBe('00f067aa0ba902b7');
  });

  it.each([undefined, '', 'garbage', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'])(
    'starts a new trace when the header is %p',
    (incoming) => {
      expect(childTraceparent(incoming)).toMatch(TRACEPARENT);
    },
  );

  it('draws distinct trace and span ids, across refills of its random pool', () => {
    // 1,000 new traces take 24,000 random bytes: the 4,096-byte pool is refilled five times.
    const traceparents = Array.from({ length: 1000 }, () => childTraceparent());
    traceparents.forEach((t) => expect(t).toMatch(TRACEPARENT));
    const ids = traceparents.flatMap((t) => t.split('-').slice(1, 3));
    expect(new Set(ids).size).toBe(2000);
    expect(ids.some((id) => /^0+$/.test(id))).toBe(false);
  });

  it.each([
    ['keeps a well-formed id', 'req-42.a:b', 'req-42.a:b'],
    ['replaces an id with spaces', 'has spaces', undefined],
    ['replaces an oversized id', 'x'.repeat(129), undefined],
    ['replaces a missing id', undefined, undefined],
  ])('%s', (_label, given, kept) => {
    const { correlationId } = correlationFrom({ correlationId: given });
    if (kept) expect(correlationId).toBe(kept);
    else expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is visible inside the run and across awaits, and gone outside', async () => {
    const context = correlationFrom({ correlationId: 'abc' });
    await runWithCorrelation(context, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentCorrelation()?.correlationId).toBe('abc');
    });
    expect(currentCorrelation()).toBeUndefined();
  });
});
