import type { OpenDayChangeableFieldV2 } from '@openday/contracts';

/** What each message to staff needs to say (dates are Asia/Shanghai calendar dates). */
export interface StaffMessageParamsByTemplate {
  'plan-submitted': { title: string; agencyId: string; firstSessionDate: string; submission: number; filedOn: string; lastOnTimeFilingDate: string };
  'plan-returned': { title: string; comments: string };
  'plan-approved': { title: string; firstSessionDate: string };
  'application-flagged': { title: string | null; agencyId: string; answerDueDate: string; awaitingJointReview: boolean };
  'feedback-assigned': { feedbackId: string; dueDate: string };
  'open-day-change-filed': { title: string; agencyId: string; changedFields: OpenDayChangeableFieldV2[]; reason: string };
  'open-day-change-returned': { title: string; changedFields: OpenDayChangeableFieldV2[]; comments: string };
  'open-day-change-approved': { title: string; changedFields: OpenDayChangeableFieldV2[] };
}

export type StaffTemplate = keyof StaffMessageParamsByTemplate;

/** A staff template with its params. */
export type StaffMessageContent = { [T in StaffTemplate]: { template: T; params: StaffMessageParamsByTemplate[T] } }[StaffTemplate];
