import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, SELECTION_MODES, type ApplicantCategory, type SelectionMode } from '../scheduling/open-day-published.v2';
import { applicantRefProperties, applicantRefRequired, dateTime, EXAMPLE_REF, type ApplicantRef } from './common';

export const PROMOTION_CAUSES = ['withdrawal', 'joint-review-refusal', 'registration-closed'] as const;
export type PromotionCause = (typeof PROMOTION_CAUSES)[number];

/** The schema of every version of application-selected: they differ only in the causes a promotion may name. */
export function applicationSelectedSchema(causes: readonly string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...applicantRefRequired, 'category', 'selectionMode', 'outsideQuota', 'promotion', 'signedBy', 'selectedAt'],
    properties: {
      ...applicantRefProperties,
      category: { enum: [...APPLICANT_CATEGORIES] },
      selectionMode: { enum: [...SELECTION_MODES] },
      outsideQuota: { type: 'boolean' },
      promotion: {
        type: ['object', 'null'],
        additionalProperties: false,
        required: ['cause', 'fromWaitlistPosition'],
        properties: { cause: { enum: [...causes] }, fromWaitlistPosition: { type: 'integer', minimum: 1 } },
      },
      signedBy: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 } },
      selectedAt: dateTime,
    },
  };
}

/**
 * An applicant is selected, finally: where the open day names co-signing departments, only
 * once every one of them has signed. `promotion` is set when the person moved up from the
 * waiting list because a place freed.
 */
export class ApplicationSelectedV1 implements ApplicantRef {
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  category: ApplicantCategory;
  selectionMode: SelectionMode;
  /** Media outside the quota: selected without taking a place. */
  outsideQuota: boolean;
  promotion: { cause: PromotionCause; fromWaitlistPosition: number } | null;
  /** The co-signing departments that signed (empty without joint review). */
  signedBy: string[];
  selectedAt: string;

  static readonly contract = defineEvent<ApplicationSelectedV1>({
    service: 'vetting',
    name: 'application-selected',
    version: 1,
    visibility: 'public',
    summary: 'An applicant is selected (after every co-signing department signed, if any); promotion says when they moved up from the waiting list.',
    schema: applicationSelectedSchema(PROMOTION_CAUSES),
    example: {
      ...EXAMPLE_REF,
      category: 'ordinary-citizen',
      selectionMode: 'lottery',
      outsideQuota: false,
      promotion: { cause: 'withdrawal', fromWaitlistPosition: 1 },
      signedBy: [],
      selectedAt: '2026-11-26T08:00:02.000Z',
    },
  });
}
