import { answerDueDate, type CalendarData } from './working-days';

// The State Council's 2026 schedule around National Day: 1–7 October off, Sunday 20 September
// and Saturday 10 October worked.
const CALENDAR: CalendarData = {
  coveredYears: [2026],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  adjustedWorkingDays: ['2026-09-20', '2026-10-10'],
};

describe('answerDueDate (2 working days after the registration deadline)', () => {
  it.each([
    ['closed on a Monday', '2026-11-23', '2026-11-25'],
    ['closed on a Thursday: Friday and Monday', '2026-11-26', '2026-11-30'],
    ['closed on a Saturday: Monday and Tuesday', '2026-11-28', '2026-12-01'],
    ['closed before National Day: the holiday does not count', '2026-09-29', '2026-10-08'],
    ['the adjusted working Saturday counts', '2026-10-08', '2026-10-10'],
    ['the adjusted working Sunday counts', '2026-09-18', '2026-09-21'],
    ['running into a year not entered', '2026-12-30', null],
  ])('%s', (_case, closedOn, expected) => {
    expect(answerDueDate(closedOn, 2, CALENDAR)).toBe(expected);
  });
});
