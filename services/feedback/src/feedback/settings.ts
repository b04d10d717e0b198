export const FEEDBACK_SETTINGS = Symbol('FEEDBACK_SETTINGS');

export interface FeedbackSettings {
  /** Default time a department has to answer, in working days after the assignment. */
  answerWorkingDays: number;
  /** An overdue item is chased again every this many working days. */
  chaseEveryWorkingDays: number;
}
