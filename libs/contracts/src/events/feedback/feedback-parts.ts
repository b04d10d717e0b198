import { dateTime, uuid } from '../vetting/common';

export const FEEDBACK_TOPICS = [
  'public-service', 'policy', 'infrastructure', 'environment', 'safety', 'transparency', 'event-organisation', 'other',
] as const;
/** The topic category a representative (or staff) files an opinion under. */
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const ANSWER_OUTCOMES = ['solved', 'will-be-solved', 'explained', 'not-our-remit'] as const;
/**
 * The honest outcomes a department answers with: solved; will be solved (by a
 * promised date); explained, not solvable now; not our remit, passed to another body.
 */
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** Which feedback item, about which open day, and the organising agency: every feedback event starts with these. */
export interface FeedbackRef {
  feedbackId: string;
  openDayId: string;
  agencyId: string;
}

export const agencyCode = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const feedbackRefRequired = ['feedbackId', 'openDayId', 'agencyId'] as const;
export const feedbackRefProperties = { feedbackId: uuid, openDayId: uuid, agencyId: agencyCode } as const;

export const EXAMPLE_FEEDBACK_REF: FeedbackRef = {
  feedbackId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
  agencyId: 'water-affairs-bureau',
};

export { dateTime, uuid };
