import { defineEvent } from '../../event-contract';

/** The city office approved (filed) a plan; it is published at its publication time. */
export class PlanApprovedV1 {
  planId: string;
  agencyId: string;
  title: string;
  firstSessionDate: string;
  /** When the open day becomes public. */
  publishAt: string;
  approvedAt: string;

  static readonly contract = defineEvent<PlanApprovedV1>({
    service: 'scheduling',
    name: 'plan-approved',
    version: 1,
    visibility: 'public',
    summary: 'The city office approved an open-day plan; it will be published at its publication time.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['planId', 'agencyId', 'title', 'firstSessionDate', 'publishAt', 'approvedAt'],
      properties: {
        planId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        firstSessionDate: { type: 'string', format: 'date' },
        publishAt: { type: 'string', format: 'date-time' },
        approvedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      firstSessionDate: '2026-11-29',
      publishAt: '2026-11-22T00:00:00.000Z',
      approvedAt: '2026-11-21T03:15:00.000Z',
    },
  });
}
