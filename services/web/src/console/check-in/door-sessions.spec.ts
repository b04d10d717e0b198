import type { components } from '../../api/schema';
import { defaultDoorSession, doorSessions, type DoorSession } from './door-sessions';

type Plan = components['schemas']['PlanDto'];

function plan(status: Plan['status'], openDayId: string | null, sessions: Array<[string, string, string, string]>, title = 'T'): Plan {
  return {
    status,
    openDayId,
    title,
    sessions: sessions.map(([id, date, startsAt, endsAt]) => ({ id, date, startsAt, endsAt, capacity: 20, agenda: [] })),
  } as unknown as Plan;
}

describe('doorSessions', () => {
  it.each<[string, Plan[], string[]]>([
    ['only published plans with an open day', [plan('approved', null, [['a', '2026-12-05', '09:00', '11:00']]), plan('published', 'od1', [['b', '2026-12-05', '09:00', '11:00']])], ['od1/b']],
    ['cancelled ones are left out', [plan('cancelled', 'od1', [['b', '2026-12-05', '09:00', '11:00']])], []],
    ['past days are left out, today stays', [plan('published', 'od1', [['p', '2026-12-02', '09:00', '11:00'], ['t', '2026-12-03', '14:00', '16:00']])], ['od1/t']],
    [
      'in time order across open days',
      [plan('published', 'od2', [['x', '2026-12-04', '09:00', '11:00']]), plan('published', 'od1', [['y', '2026-12-03', '14:00', '16:00'], ['z', '2026-12-03', '09:00', '11:00']])],
      ['od1/z', 'od1/y', 'od2/x'],
    ],
  ])('%s', (_name, plans, expected) => {
    expect(doorSessions(plans, '2026-12-03').map((s) => `${s.openDayId}/${s.sessionId}`)).toEqual(expected);
  });
});

describe('defaultDoorSession', () => {
  const s = (sessionId: string, date: string, startsAt: string, endsAt: string): DoorSession => ({ openDayId: 'od', sessionId, title: 'T', date, startsAt, endsAt, capacity: 1 });
  const sessions = [s('morning', '2026-12-03', '09:00', '11:30'), s('afternoon', '2026-12-03', '14:00', '16:30'), s('tomorrow', '2026-12-04', '09:00', '11:00')];
  it.each([
    ['08:00', 'morning'],
    ['11:00', 'morning'],
    ['11:30', 'afternoon'],
    ['17:00', 'tomorrow'],
  ])('at %s offers %s', (now, expected) => {
    expect(defaultDoorSession(sessions, '2026-12-03', now)?.sessionId).toBe(expected);
  });
  it('offers nothing when there is nothing', () => {
    expect(defaultDoorSession([], '2026-12-03', '09:00')).toBeUndefined();
  });
});
