import { defineEvent } from '../../event-contract';

/** The city office returned a plan to its agency with comments; the agency edits and resubmits it. */
export class PlanReturnedV1 {
  planId: string;
  agencyId: string;
  title: string;
  /** What the agency must change. */
  comments: string;
  returnedAt: string;

  static readonly contract = defineEvent<PlanReturnedV1>({
    service: 'scheduling',
    name: 'plan-returned',
    version: 1,
    visibility: 'public',
    summary: 'The city office returned an open-day plan to its agency with comments.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['planId', 'agencyId', 'title', 'comments', 'returnedAt'],
      properties: {
        planId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        comments: { type: 'string', minLength: 1, maxLength: 2000 },
        returnedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      comments: '请补充集合地点的交通指引，并将普通市民名额提高到三分之一以上。',
      returnedAt: '2026-11-21T03:15:00.000Z',
    },
  });
}
