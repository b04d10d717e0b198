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
