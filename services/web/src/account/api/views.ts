/**
 * The shapes the gateway answers on the citizen's own routes. They mirror
 * libs/contracts (ApplicationView, TicketView, FeedbackItemView, SurveyView,
 * InboxMessageView): the browser cannot import the contracts library (it pulls
 * in class-validator), and several of these responses are not declared in the
 * OpenAPI document, so the generated schema types them as unknown.
 */

export type ApplicationChannel = 'self' | 'organisation' | 'group';
export type ApplicantCategory =
  | 'ordinary-citizen'
  | 'congress-deputy'
  | 'cppcc-member'
  | 'party-member'
  | 'village-cadre'
  | 'enterprise'
  | 'media'
  | 'other';
export const APPLICANT_CATEGORIES: readonly ApplicantCategory[] = [
  'ordinary-citizen',
  'congress-deputy',
  'cppcc-member',
  'party-member',
  'village-cadre',
  'enterprise',
  'media',
  'other',
];
export type SelectionOutcome = 'pending' | 'selected' | 'waitlisted' | 'rejected';

export interface SelectionView {
  outcome: SelectionOutcome;
  reasonCode: string | null;
  waitlistPosition: number | null;
  decidedAt: string | null;
}

export interface ApplicantView {
  personId: string;
  name: string;
  maskedIdNumber: string;
  maskedMobile: string;
  maskedEmail: string | null;
  category: ApplicantCategory;
  district: string;
  selection: SelectionView;
}

export interface ApplicationView {
  id: string;
  openDayId: string;
  openDayTitle: string;
  sessionId: string;
  sessionDate: string;
  channel: ApplicationChannel;
  status: 'submitted' | 'withdrawn';
  recommendingOrganisation: string | null;
  unit: { name: string; creditCode: string } | null;
  people: ApplicantView[];
  submittedAt: string;
  withdrawnAt: string | null;
}

export type TicketStatus = 'issued' | 'checked-in' | 'no-show' | 'revoked';
export type TicketRevocationReason = 'application-withdrawn' | 'open-day-cancelled' | 'session-cancelled' | 'revoked-by-staff';

export interface TicketView {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  title: string;
  date: string;
  startsAt: string;
  endsAt: string;
  startsAtInstant: string;
  assemblyPoint: string;
  venues: Array<{ name: string; address: string }>;
  agenda: Array<{ startsAt: string; endsAt: string; activity: string; venue: string | null }>;
  notices: string[];
  checkInCode: string;
  qrPayload: string;
  maskedName: string;
  promoted: boolean;
  status: TicketStatus;
  issuedAt: string;
  checkedInAt: string | null;
  revokedAt: string | null;
  revocationReason: TicketRevocationReason | null;
}

export type FeedbackTopic =
  | 'public-service'
  | 'policy'
  | 'infrastructure'
  | 'environment'
  | 'safety'
  | 'transparency'
  | 'event-organisation'
  | 'other';
export const FEEDBACK_TOPICS: readonly FeedbackTopic[] = [
  'public-service',
  'policy',
  'infrastructure',
  'environment',
  'safety',
  'transparency',
  'event-organisation',
  'other',
];
export type AnswerOutcome = 'solved' | 'will-be-solved' | 'explained' | 'not-our-remit';

export interface FeedbackItemView {
  id: string;
  openDayId: string;
  agencyId: string;
  openDayTitle: string | null;
  topic: FeedbackTopic;
  text: string;
  attachment: string | null;
  source: string;
  personId: string | null;
  submittedAt: string;
  status: 'collected' | 'assigned' | 'answered';
  departmentId: string | null;
  dueDate: string | null;
  assignedAt: string | null;
  overdue: boolean;
  everOverdue: boolean;
  chaseCount: number;
  answer: {
    outcome: AnswerOutcome;
    answer: string;
    promisedBy: string | null;
    passedTo: string | null;
    answeredAt: string;
    late: boolean;
  } | null;
  rating: number | null;
}

export type SurveyQuestionKind = 'single-choice' | 'multiple-choice' | 'rating' | 'text';

export interface SurveyQuestionView {
  id: string;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  options: string[] | null;
}

export interface SurveyView {
  openDayId: string;
  questions: SurveyQuestionView[];
  responses: number;
  answeredByMe: boolean | null;
  locked: boolean;
}

export interface InboxMessageView {
  messageId: string;
  template: string;
  title: string;
  body: string;
  receivedAt: string;
  readAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
