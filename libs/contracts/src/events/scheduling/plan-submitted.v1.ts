import { defineEvent } from '../../event-contract';

/** An agency filed a plan with the city office, on time (late submissions are refused and emit nothing). */
export class PlanSubmittedV1 {
  planId: string;
  agencyId: string;
  title: string;
  /** The first session's date, Asia/Shanghai. */
  firstSessionDate: string;
  /** 1 for the first filing, 2 for the first resubmission after a return, … */
  submission: number;
  /** The submission's date in Asia/Shanghai and the last on-time date (5 working days before the event). */
  filedOn: string;
  lastOnTimeFilingDate: string;
  submittedAt: string;

  static readonly contract = defineEvent<PlanSubmittedV1>({
    service: 'scheduling',
    name: 'plan-submitted',
    version: 1,
    visibility: 'public',
    summary: 'An agency submitted (or resubmitted) an open-day plan to the city office for filing.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['planId', 'agencyId', 'title', 'firstSessionDate', 'submission', 'filedOn', 'lastOnTimeFilingDate', 'submittedAt'],
      properties: {
        planId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        firstSessionDate: { type: 'string', format: 'date' },
        submission: { type: 'integer', minimum: 1 },
        filedOn: { type: 'string', format: 'date' },
        lastOnTimeFilingDate: { type: 'string', format: 'date' },
        submittedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      firstSessionDate: '2026-11-29',
      submission: 1,
      filedOn: '2026-11-20',
      lastOnTimeFilingDate: '2026-11-20',
      submittedAt: '2026-11-20T02:00:00.000Z',
    },
  });
}
