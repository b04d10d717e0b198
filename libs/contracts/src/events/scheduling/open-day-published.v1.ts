import { defineEvent } from '../../event-contract';

/** An open day was approved and is now public: listings, calendars and registration follow it. */
export class OpenDayPublishedV1 {
  openDayId: string;
  title: string;
  agencyId: string;
  /** Event date in Asia/Shanghai, YYYY-MM-DD. */
  date: string;
  publishedAt: string;

  static readonly contract = defineEvent<OpenDayPublishedV1>({
    service: 'scheduling',
    name: 'open-day-published',
    version: 1,
    visibility: 'public',
    summary: 'An open day is published and appears in the public listing and the city calendar.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'title', 'agencyId', 'date', 'publishedAt'],
      properties: {
        openDayId: { type: 'string', format: 'uuid' },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        date: { type: 'string', format: 'date' },
        publishedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      title: '走进自来水厂：从源头到龙头',
      agencyId: 'water-affairs-bureau',
      date: '2026-11-29',
      publishedAt: '2026-11-20T02:00:00.000Z',
    },
  });
}
