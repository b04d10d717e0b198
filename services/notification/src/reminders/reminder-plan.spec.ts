import { plannedReminders } from './reminder-plan';

const session = { date: '2026-11-29', startsAtInstant: new Date('2026-11-29T09:00:00+08:00') };
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('plannedReminders', () => {
  it.each([
    ['both, ticket issued days before', { dayBeforeAt: '18:00', hoursBefore: 2 }, '2026-11-26T10:00:00', [['day-before', at('2026-11-28T18:00:00')], ['hours-before', at('2026-11-29T07:00:00')]]],
    ['second reminder off', { dayBeforeAt: '18:00', hoursBefore: 0 }, '2026-11-26T10:00:00', [['day-before', at('2026-11-28T18:00:00')]]],
    ['issued after the day-before time: only the second', { dayBeforeAt: '18:00', hoursBefore: 2 }, '2026-11-28T19:00:00', [['hours-before', at('2026-11-29T07:00:00')]]],
    ['issued after both', { dayBeforeAt: '18:00', hoursBefore: 2 }, '2026-11-29T07:30:00', []],
    ['another time of day', { dayBeforeAt: '09:30', hoursBefore: 24 }, '2026-11-20T00:00:00', [['day-before', at('2026-11-28T09:30:00')], ['hours-before', at('2026-11-28T09:00:00')]]],
  ])('%s', (_label, settings, now, expected) => {
    const planned = plannedReminders(session, settings, new Date(`${now}+08:00`));
    expect(planned.map((r) => [r.kind, r.dueAt.toISOString()])).toEqual(expected);
  });
});
