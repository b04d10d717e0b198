import { officialCalendar, UncoveredYearError } from '@openday/domain';
import { answerDeadline, answerDeadlineCheckAt } from './answer-deadline';

describe('answerDeadline (2 working days after the window closed)', () => {
  it.each([
    // Thursday 26 November 2026, 16:00 → Monday 30 November; flagged from Tuesday 00:00 Shanghai.
    ['2026-11-26T08:00:00.000Z', '2026-11-30', '2026-11-30T16:00:00.000Z'],
    // Closing on Wednesday 30 September 2026: National Day 1–7 October is off, so Thursday 8 and Friday 9 October.
    ['2026-09-30T08:00:00.000Z', '2026-10-09', '2026-10-09T16:00:00.000Z'],
  ])('closed at %s → due on %s, passed at %s', (closedAt, dueDate, dueAt) => {
    const deadline = answerDeadline(new Date(closedAt), officialCalendar());
    expect(deadline.dueDate).toBe(dueDate);
    expect(deadline.dueAt.toISOString()).toBe(dueAt);
  });
});

describe('a deadline in a year the calendar does not cover', () => {
  it('is refused, never guessed on the weekday rule', () => {
    expect(() => answerDeadline(new Date('2031-01-03T02:00:00.000Z'), officialCalendar())).toThrow(UncoveredYearError);
  });

  it.each([
    // Covered: the timer looks at the true deadline.
    ['2026-11-26T08:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    // Friday 3 January 2031, uncovered: the earliest it could pass is after Sunday 5 January (both days worked).
    ['2031-01-03T02:00:00.000Z', '2031-01-05T16:00:00.000Z'],
    // Closing on 31 December 2026 (covered) with the deadline in uncovered 2027.
    ['2026-12-31T08:00:00.000Z', '2027-01-02T16:00:00.000Z'],
  ])('closed at %s: the timer first looks at %s', (closedAt, checkAt) => {
    expect(answerDeadlineCheckAt(new Date(closedAt), officialCalendar()).toISOString()).toBe(checkAt);
  });
});
