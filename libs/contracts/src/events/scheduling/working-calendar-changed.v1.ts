import { defineEvent } from '../../event-contract';

const dates = { type: 'array', uniqueItems: true, items: { type: 'string', format: 'date' } } as const;

/**
 * The city office added a year to the official working-day calendar or corrected a day.
 * Carries the whole calendar as it now is (exceptions to "Monday to Friday are working
 * days"), so every service that counts working days (answer deadlines, due dates) follows
 * the same calendar without asking scheduling.
 */
export class WorkingCalendarChangedV1 {
  coveredYears: number[];
  holidays: string[];
  adjustedWorkingDays: string[];
  changedAt: string;

  static readonly contract = defineEvent<WorkingCalendarChangedV1>({
    service: 'scheduling',
    name: 'working-calendar-changed',
    version: 1,
    visibility: 'public',
    summary: 'The official working-day calendar changed (a year added or a day corrected); the whole calendar as it now is.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['coveredYears', 'holidays', 'adjustedWorkingDays', 'changedAt'],
      properties: {
        coveredYears: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 2000, maximum: 2200 } },
        holidays: dates,
        adjustedWorkingDays: dates,
        changedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      coveredYears: [2026, 2027],
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'],
      adjustedWorkingDays: ['2026-09-20', '2026-10-10'],
      changedAt: '2026-11-25T02:00:00.000Z',
    },
  });
}
