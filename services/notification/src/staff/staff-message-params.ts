/** What each message to staff needs to say (dates are Asia/Shanghai calendar dates). */
export interface StaffMessageParamsByTemplate {
  'plan-submitted': { title: string; agencyId: string; firstSessionDate: string; submission: number; filedOn: string; lastOnTimeFilingDate: string };
  'plan-returned': { title: string; comments: string };
  'plan-approved': { title: string; firstSessionDate: string };
  'application-flagged': { title: string | null; agencyId: string; answerDueDate: string; awaitingJointReview: boolean };
  'feedback-assigned': { feedbackId: string; dueDate: string };
}

export type StaffTemplate = keyof StaffMessageParamsByTemplate;

/** A staff template with its params. */
export type StaffMessageContent = { [T in StaffTemplate]: { template: T; params: StaffMessageParamsByTemplate[T] } }[StaffTemplate];
