import { ageProblem, type AgeBounds } from './age-rule';

const EIGHTEEN_TO_65: AgeBounds = { minAge: 18, maxAge: 65 };
const EIGHTEEN_PLUS: AgeBounds = { minAge: 18, maxAge: null };

describe('ageProblem (age on the event day, bounds inclusive)', () => {
  it.each<[string, string, AgeBounds, ReturnType<typeof ageProblem>]>([
    ['17, the day before the 18th birthday', '2008-11-30', EIGHTEEN_TO_65, { rule: 'age-below-minimum', age: 17 }],
    ['18 on the day itself', '2008-11-29', EIGHTEEN_TO_65, null],
    ['65 the day before turning 66', '1960-11-30', EIGHTEEN_TO_65, null],
    ['66 on the day', '1960-11-29', EIGHTEEN_TO_65, { rule: 'age-above-maximum', age: 66 }],
    ['96 with no upper limit', '1930-01-01', EIGHTEEN_PLUS, null],
    ['born on the event day', '2026-11-29', EIGHTEEN_PLUS, { rule: 'age-below-minimum', age: 0 }],
    ['born after the event day: -1, not an error', '2026-12-01', EIGHTEEN_PLUS, { rule: 'age-below-minimum', age: -1 }],
    ['born after the event day, no lower limit', '2026-12-01', { minAge: 0, maxAge: null }, { rule: 'age-below-minimum', age: -1 }],
    ['born on 29 February, 18 on 1 March of a common year', '2008-02-29', EIGHTEEN_PLUS, null],
  ])('%s', (_label, birthDate, bounds, expected) => {
    const eventDate = birthDate === '2008-02-29' ? '2026-03-01' : '2026-11-29';
    expect(ageProblem(birthDate, eventDate, bounds)).toEqual(expected);
  });

  it('counts on the event day, not today: 17 today, 18 at the event', () => {
    expect(ageProblem('2008-11-29', '2026-11-29', EIGHTEEN_PLUS)).toBeNull();
    expect(ageProblem('2008-11-29', '2026-11-28', EIGHTEEN_PLUS)).toEqual({ rule: 'age-below-minimum', age: 17 });
  });
});
