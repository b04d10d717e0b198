import { defineEvent } from '../../event-contract';

/** The agency cancelled a published open day; applicants and ticket holders are to be told. */
export class OpenDayCancelledV1 {
  openDayId: string;
  /** null for an open day published without a plan (the walking slice). */
  planId: string | null;
  agencyId: string;
  title: string;
  /** The first session's date, Asia/Shanghai. */
  date: string;
  reason: string;
  cancelledAt: string;

  static readonly contract = defineEvent<OpenDayCancelledV1>({
    service: 'scheduling',
    name: 'open-day-cancelled',
    version: 1,
    visibility: 'public',
    summary: 'A published open day was cancelled by its agency.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'planId', 'agencyId', 'title', 'date', 'reason', 'cancelledAt'],
      properties: {
        openDayId: { type: 'string', format: 'uuid' },
        planId: { type: ['string', 'null'], format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        date: { type: 'string', format: 'date' },
        reason: { type: 'string', minLength: 1, maxLength: 500 },
        cancelledAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      date: '2026-11-29',
      reason: '受台风影响，本次开放日取消',
      cancelledAt: '2026-11-27T01:00:00.000Z',
    },
  });
}
