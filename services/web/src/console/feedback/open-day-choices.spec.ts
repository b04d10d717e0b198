import type { components } from '../../api/schema';
import { chosenOpenDay, openDayChoices, type OpenDayChoice } from './open-day-choices';

type Plan = components['schemas']['PlanDto'];

const TODAY = '2026-12-03';
const plan = (title: string, status: Plan['status'], firstSessionDate: string, openDayId: string | null = `od-${title}`) =>
  ({ id: `plan-${title}`, title, status, firstSessionDate, openDayId }) as Plan;

describe('openDayChoices', () => {
  it('keeps the plans that became open days, cancelled ones too, the latest first', () => {
    const plans = [
      plan('draft', 'draft', '2026-12-20', null),
      plan('returned', 'returned', '2026-12-21', null),
      plan('approved', 'approved', '2026-12-22', null),
      plan('past', 'published', '2026-11-29'),
      plan('ahead', 'published', '2026-12-15'),
      plan('called-off', 'cancelled', '2026-12-01'),
    ];
    expect(openDayChoices(plans)).toEqual([
      { openDayId: 'od-ahead', title: 'ahead', firstDate: '2026-12-15', cancelled: false },
      { openDayId: 'od-called-off', title: 'called-off', firstDate: '2026-12-01', cancelled: true },
      { openDayId: 'od-past', title: 'past', firstDate: '2026-11-29', cancelled: false },
    ]);
  });
});

describe('chosenOpenDay', () => {
  const choice = (id: string, firstDate: string, cancelled = false): OpenDayChoice => ({ openDayId: id, title: id, firstDate, cancelled });
  // The latest first, as openDayChoices gives them.
  const choices = [choice('far', '2027-01-10'), choice('near', '2026-12-10'), choice('today', TODAY), choice('cancelled', '2026-12-01', true), choice('past', '2026-11-20')];

  it.each([
    ['the one the address names', choices, 'past', 'past'],
    ['a cancelled one when named', choices, 'cancelled', 'cancelled'],
    ['the latest begun when none is named', choices, null, 'today'],
    ['the latest begun when another agency’s is named', choices, 'someone-else', 'today'],
    ['a cancelled one is skipped', [choice('cancelled', '2026-12-02', true), choice('past', '2026-11-20')], null, 'past'],
    ['the soonest ahead when none has begun', [choice('far', '2027-01-10'), choice('near', '2026-12-10')], null, 'near'],
    ['only cancelled ones: the latest', [choice('c2', '2026-12-10', true), choice('c1', '2026-11-10', true)], null, 'c2'],
    ['none', [], null, undefined],
  ])('%s', (_name, list, named, expected) => {
    expect(chosenOpenDay(list, named, TODAY)?.openDayId).toBe(expected);
  });
});
