import { clockFromEnvironment, ManualClock, ShiftedClock, SystemClock } from './clock';

describe('clockFromEnvironment', () => {
  it.each([
    ['honours the variable under test', { NODE_ENV: 'test', X_TEST_NOW: '2026-09-29T09:00:00+08:00' }, ShiftedClock],
    ['ignores it outside tests', { NODE_ENV: 'production', X_TEST_NOW: '2026-09-29T09:00:00+08:00' }, SystemClock],
    ['uses the system clock when unset', { NODE_ENV: 'test' }, SystemClock],
  ])('%s', (_label, env, kind) => {
    expect(clockFromEnvironment('X_TEST_NOW', env)).toBeInstanceOf(kind);
  });

  it('starts a shifted clock at the given instant and lets it run', () => {
    let real = 1_000;
    const clock = new ShiftedClock(new Date('2026-09-29T01:00:00Z'), () => real);
    real += 5_000;
    expect(clock.now().toISOString()).toBe('2026-09-29T01:00:05.000Z');
  });

  it('names the variable when its value is not a date-time', () => {
    expect(() => clockFromEnvironment('X_TEST_NOW', { NODE_ENV: 'test', X_TEST_NOW: 'tomorrow' })).toThrow(/X_TEST_NOW must be an ISO 8601/);
  });

  it('stands still until set', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    clock.set('2026-02-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('moves on, or back, by as much as it is told', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:30.000Z');
    clock.advance(-30_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:00.000Z');
  });
});
