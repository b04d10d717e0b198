import { afterAttempt } from './retry-policy';

describe('afterAttempt', () => {
  it.each([
    ['success on the first attempt', true, 1, 5, 1000, { status: 'sent' }],
    ['success on the last attempt', true, 5, 5, 1000, { status: 'sent' }],
    ['first failure: retry after the base', false, 1, 5, 1000, { status: 'pending', retryInMs: 1000 }],
    ['second failure: twice the base', false, 2, 5, 1000, { status: 'pending', retryInMs: 2000 }],
    ['fourth failure: eight times the base', false, 4, 5, 1000, { status: 'pending', retryInMs: 8000 }],
    ['last attempt failed: failed', false, 5, 5, 1000, { status: 'failed' }],
    ['one attempt allowed: failed at once', false, 1, 1, 1000, { status: 'failed' }],
    ['long back-off is capped at an hour', false, 19, 20, 60_000, { status: 'pending', retryInMs: 3_600_000 }],
  ])('%s', (_label, ok, attempt, max, base, expected) => {
    expect(afterAttempt(ok, attempt, max, base)).toEqual(expected);
  });
});
