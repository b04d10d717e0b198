import { headerSafe } from './dead-letter-headers';

describe('headerSafe', () => {
  it.each([
    ['keeps a short reason', 'handler failed', 'handler failed'],
    ['joins lines', 'line one\r\nline two\nthree', 'line one line two three'],
    ['cuts a long reason', 'x'.repeat(1005), `${'x'.repeat(1000)}…`],
  ])('%s', (_label, input, output) => {
    expect(headerSafe(input)).toBe(output);
  });
});
