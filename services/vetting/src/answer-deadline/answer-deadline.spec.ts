import { officialCalendar } from '@openday/domain';
import { answerDeadline } from './answer-deadline';

describe('answerDeadline (2 working days after the window closed)', () => {
  it.each([
    // Thursday 26 November 2026, 16:00 → Monday 30 November; flagged from Tuesday 00:00 Shanghai.
    ['2026-11-26T08:00:00.000Z', '2026-11-30', '2026-11-30T16:00:00.000Z'],
    // Closing on Wednesday 30 September 2026: National Day 1–7 October is off, so Thursday 8 and Friday 9 October.
    ['2026-09-30T08:00:00.000Z', '2026-10-09', '2026-10-09T16:00:00.000Z'],
    // A year the official calendar does not cover yet: weekends only.
    ['2031-01-03T02:00:00.000Z', '2031-01-07', '2031-01-07T16:00:00.000Z'],
  ])('closed at %s → due on %s, passed at %s', (closedAt, dueDate, dueAt) => {
    const deadline = answerDeadline(new Date(closedAt), officialCalendar());
    expect(deadline.dueDate).toBe(dueDate);
    expect(deadline.dueAt.toISOString()).toBe(dueAt);
  });
});
