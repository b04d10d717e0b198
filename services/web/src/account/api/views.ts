import type { components } from '../../api/schema';

/** The citizen's own views, as the gateway's OpenAPI document declares them (libs/contracts/src/http/gateway-api.ts). */
type Schemas = components['schemas'];

export type ApplicationView = Schemas['ApplicationDto'];
export type ApplicantView = Schemas['ApplicantViewDto'];
export type ApplicationChannel = ApplicationView['channel'];
export type ApplicantCategory = ApplicantView['category'];
export type SelectionOutcome = Schemas['SelectionViewDto']['outcome'];

export type TicketView = Schemas['TicketDto'];
export type TicketStatus = TicketView['status'];
export type TicketRevocationReason = NonNullable<TicketView['revocationReason']>;

export type FeedbackItemView = Schemas['FeedbackItemDto'];
export type FeedbackTopic = FeedbackItemView['topic'];
export type AnswerOutcome = Schemas['FeedbackAnswerDto']['outcome'];

export type SurveyView = Schemas['SurveyDto'];
export type SurveyQuestionView = Schemas['SurveyQuestionDto'];

export type InboxMessageView = Schemas['InboxMessageDto'];

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
