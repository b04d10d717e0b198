import type { AnswerOutcome, MessageLanguage, NotificationTemplate, PromotionCauseV2 } from '@openday/contracts';
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

/** What a change altered for its recipient: the values before it, only those that changed. */
export type ChangedFrom = Partial<Pick<SessionFacts, 'date' | 'startsAt' | 'endsAt' | 'venues' | 'assemblyPoint'>>;

/**
 * A change of a published open day as one person reads it: the session and place as they now
 * are, what they were, the agency's reason; `subject` says whether time or place changed or only
 * the notices; `notices` when they changed; `waitlisted` for someone still on the waiting list.
 * (Messages stored before these were carried have only the session, place and reason.)
 */
export type OpenDayChangedParams = SessionFacts & {
  reason: string;
  subject?: 'time-or-place' | 'notices';
  before?: ChangedFrom;
  notices?: string[];
  waitlisted?: boolean;
};

/** What each template needs to say; stored with the message, rendered when it is sent. */
export interface MessageParamsByTemplate extends StaffMessageParamsByTemplate {
  'sign-in-code': { code: string; validForSeconds: number };
  'application-received': { title: string | null };
  /** `transport`: how people get there, as the plan says (absent when it says nothing, and from messages stored before it was carried). */
  selected: SessionFacts & { checkInCode: string; notices: string[]; transport?: string };
  /** `cause`: why the place became free (absent when no selection named it). */
  promoted: SessionFacts & { checkInCode: string; notices: string[]; transport?: string; cause?: PromotionCauseV2 | null };
  /** `groupReason`: the selection group's own words (absent from messages stored before it was carried). */
  rejected: { title: string | null; reasonCode: string; refusedBy: string | null; groupReason?: string | null };
  waitlisted: { title: string | null; position: number; groupReason?: string | null };
  reminder: SessionFacts & { checkInCode: string };
  'open-day-changed': OpenDayChangedParams;
  'open-day-cancelled': { title: string; date: string; reason: string };
  /** `placesReduced`: the agency gave the place up to lower the session's places, for this reason. */
  'ticket-revoked': { title: string; date: string; placesReduced?: { reason: string } };
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
