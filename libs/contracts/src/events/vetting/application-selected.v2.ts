import { defineEvent } from '../../event-contract';
import type { ApplicantCategory, SelectionMode } from '../scheduling/open-day-published.v2';
import { applicationSelectedSchema, type ApplicationSelectedV1, type PromotionCause } from './application-selected.v1';
import { EXAMPLE_REF, type ApplicantRef } from './common';

/**
 * v1's causes, and the places a change or staff free: a ticket revoked by staff, a session's
 * capacity raised, a holder who no longer qualifies after the date moved.
 */
export const PROMOTION_CAUSES_V2 = ['withdrawal', 'joint-review-refusal', 'registration-closed', 'ticket-revoked', 'capacity-raised', 'no-longer-eligible'] as const;
export type PromotionCauseV2 = (typeof PROMOTION_CAUSES_V2)[number];

/**
 * An applicant is selected, with every reason a place can free. Published beside v1: v1 keeps
 * its three causes, and a promotion v1 cannot name is told there as a withdrawal (a ticket
 * revoked by staff: the holder left) or without a promotion (a raised capacity, a holder no
 * longer eligible); v2 says which.
 */
export class ApplicationSelectedV2 implements ApplicantRef {
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  category: ApplicantCategory;
  selectionMode: SelectionMode;
  outsideQuota: boolean;
  promotion: { cause: PromotionCauseV2; fromWaitlistPosition: number } | null;
  signedBy: string[];
  selectedAt: string;

  static readonly contract = defineEvent<ApplicationSelectedV2>({
    service: 'vetting',
    name: 'application-selected',
    version: 2,
    visibility: 'public',
    summary: 'An applicant is selected; promotion says when and why they moved up from the waiting list (every cause, including changes and staff revocations).',
    schema: applicationSelectedSchema(PROMOTION_CAUSES_V2),
    example: {
      ...EXAMPLE_REF,
      category: 'ordinary-citizen',
      selectionMode: 'first-come',
      outsideQuota: false,
      promotion: { cause: 'capacity-raised', fromWaitlistPosition: 1 },
      signedBy: [],
      selectedAt: '2026-11-24T06:00:02.000Z',
    },
  });
}

const V1_CAUSES: Partial<Record<PromotionCauseV2, PromotionCause>> = {
  withdrawal: 'withdrawal',
  'joint-review-refusal': 'joint-review-refusal',
  'registration-closed': 'registration-closed',
  'ticket-revoked': 'withdrawal',
};

/** The v1 event of the same selection (see the class comment for causes v1 cannot name). */
export function selectedV1Of(v2: ApplicationSelectedV2): ApplicationSelectedV1 {
  const cause = v2.promotion ? V1_CAUSES[v2.promotion.cause] : undefined;
  return { ...v2, promotion: v2.promotion && cause ? { cause, fromWaitlistPosition: v2.promotion.fromWaitlistPosition } : null };
}
