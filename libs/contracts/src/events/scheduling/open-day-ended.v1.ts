import { defineEvent } from '../../event-contract';
import { dateTime } from './ticket-parts';

const count = { type: 'integer', minimum: 0 } as const;

/** The last session of an open day ended and no-shows are recorded: its attendance figures are final. */
export class OpenDayEndedV1 {
  openDayId: string;
  agencyId: string;
  title: string;
  /** The first and last session dates, Asia/Shanghai. */
  firstDate: string;
  lastDate: string;
  attendance: { ticketsIssued: number; ticketsRevoked: number; checkedIn: number; noShows: number };
  endedAt: string;

  static readonly contract = defineEvent<OpenDayEndedV1>({
    service: 'scheduling',
    name: 'open-day-ended',
    version: 1,
    visibility: 'public',
    summary: 'An open day is over (its last session ended, no-shows recorded), with its final attendance figures.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'agencyId', 'title', 'firstDate', 'lastDate', 'attendance', 'endedAt'],
      properties: {
        openDayId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        firstDate: { type: 'string', format: 'date' },
        lastDate: { type: 'string', format: 'date' },
        attendance: {
          type: 'object',
          additionalProperties: false,
          required: ['ticketsIssued', 'ticketsRevoked', 'checkedIn', 'noShows'],
          properties: { ticketsIssued: count, ticketsRevoked: count, checkedIn: count, noShows: count },
        },
        endedAt: dateTime,
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      firstDate: '2026-11-29',
      lastDate: '2026-11-29',
      attendance: { ticketsIssued: 20, ticketsRevoked: 1, checkedIn: 17, noShows: 2 },
      endedAt: '2026-11-29T03:30:05.000Z',
    },
  });
}
