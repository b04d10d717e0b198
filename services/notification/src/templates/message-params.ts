import type { AnswerOutcome, MessageLanguage, NotificationTemplate } from '@openday/contracts';
import type { StaffMessageParamsByTemplate } from '../staff/staff-message-params';

/** Where and when a session takes place, as the ticket says it (Asia/Shanghai date and times). */
export interface SessionFacts {
  title: string;
  date: string;
  startsAt: string;
  endsAt: string;
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
}

/** What each template needs to say; stored with the message, rendered when it is sent. */
export interface MessageParamsByTemplate extends StaffMessageParamsByTemplate {
  'sign-in-code': { code: string; validForSeconds: number };
  'application-received': { title: string | null };
  selected: SessionFacts & { checkInCode: string; notices: string[] };
  promoted: SessionFacts & { checkInCode: string; notices: string[] };
  /** `groupReason`: the selection group's own words (absent from messages stored before it was carried). */
  rejected: { title: string | null; reasonCode: string; refusedBy: string | null; groupReason?: string | null };
  waitlisted: { title: string | null; position: number; groupReason?: string | null };
  reminder: SessionFacts & { checkInCode: string };
  'open-day-changed': SessionFacts & { reason: string };
  'open-day-cancelled': { title: string; date: string; reason: string };
  'ticket-revoked': { title: string; date: string };
  'feedback-answered': { outcome: AnswerOutcome; promisedBy: string | null; passedTo: string | null; answer: string };
  'feedback-chase': { feedbackId: string; dueDate: string; workingDaysOverdue: number; chaseNumber: number };
}

export type MessageParams = MessageParamsByTemplate[NotificationTemplate];

/** A template with its params, as a message row holds them. */
export type MessageContent = { [T in NotificationTemplate]: { template: T; params: MessageParamsByTemplate[T] } }[NotificationTemplate];

/** The text in one language: `subject` is the e-mail subject and the inbox title. */
export interface RenderedMessage {
  subject: string;
  text: string;
}

export type { MessageLanguage };
