import {
  ApplicationFlaggedV1,
  FeedbackAssignedV1,
  OpenDayChangedV2,
  OpenDayChangeFiledV1,
  OpenDayChangeReturnedV1,
  PlanApprovedV1,
  PlanReturnedV1,
  PlanSubmittedV1,
  type CloudEvent,
  type EventOf,
  type StaffAccountRole,
} from '@openday/contracts';
import type { StaffMessageContent } from './staff-message-params';

/** The city office's agency code: its staff read the inbox of this department. */
export const CITY_OFFICE_AGENCY_ID = 'city-office';

/** Who is told: the agency's department inbox, and by e-mail its accounts of these roles. */
export interface StaffAudience {
  agencyId: string;
  roles: readonly StaffAccountRole[];
}

/** What waits, for whom. */
export interface StaffNotice {
  audience: StaffAudience;
  content: StaffMessageContent;
}

/** What staff are told of, from every producer. */
export type StaffNoticeEvent =
  | PlanSubmittedV1
  | PlanReturnedV1
  | PlanApprovedV1
  | OpenDayChangeFiledV1
  | OpenDayChangeReturnedV1
  | OpenDayChangedV2
  | ApplicationFlaggedV1
  | FeedbackAssignedV1;

const CITY_OFFICE: StaffAudience['roles'] = ['city-office'];
/** An agency's plans are its admins' and staff's work; reviewers and department handlers have their own. */
const PLAN_OWNERS: StaffAudience['roles'] = ['agency-admin', 'agency-staff'];
/** A department answers assigned feedback: its handlers, with its admins and staff who may answer for it. */
const FEEDBACK_HANDLERS: StaffAudience['roles'] = ['agency-admin', 'agency-staff', 'department-handler'];

/**
 * Who must act on the event and what they are told: a filed plan, or a filed change of a
 * published open day, waits for the city office; a returned or approved plan or change for its
 * agency; a flagged application (not answered in time) for the city office; assigned feedback
 * for the department it is assigned to. A change that needed no review (notices only) makes no
 * work for anyone: null. `openDayTitle` is the open day's title where the event does not carry
 * it (a flagged application). Pure.
 */
export function staffNoticeOf(event: EventOf<StaffNoticeEvent>, openDayTitle: string | null = null): StaffNotice | null {
  if (PlanSubmittedV1.contract.matches(event)) {
    const { title, agencyId, firstSessionDate, submission, filedOn, lastOnTimeFilingDate } = event.data;
    return {
      audience: { agencyId: CITY_OFFICE_AGENCY_ID, roles: CITY_OFFICE },
      content: { template: 'plan-submitted', params: { title, agencyId, firstSessionDate, submission, filedOn, lastOnTimeFilingDate } },
    };
  }
  if (PlanReturnedV1.contract.matches(event)) {
    const { agencyId, title, comments } = event.data;
    return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'plan-returned', params: { title, comments } } };
  }
  if (PlanApprovedV1.contract.matches(event)) {
    const { agencyId, title, firstSessionDate } = event.data;
    return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'plan-approved', params: { title, firstSessionDate } } };
  }
  if (ApplicationFlaggedV1.contract.matches(event)) {
    const { agencyId, answerDueDate, state } = event.data;
    return {
      audience: { agencyId: CITY_OFFICE_AGENCY_ID, roles: CITY_OFFICE },
      content: { template: 'application-flagged', params: { title: openDayTitle, agencyId, answerDueDate, awaitingJointReview: state === 'awaiting-joint-review' } },
    };
  }
  if (FeedbackAssignedV1.contract.matches(event)) {
    const { departmentId, feedbackId, dueDate } = event.data;
    return { audience: { agencyId: departmentId, roles: FEEDBACK_HANDLERS }, content: { template: 'feedback-assigned', params: { feedbackId, dueDate } } };
  }
  if (OpenDayChangeFiledV1.contract.matches(event)) {
    const { title, agencyId, changedFields, reason } = event.data;
    return {
      audience: { agencyId: CITY_OFFICE_AGENCY_ID, roles: CITY_OFFICE },
      content: { template: 'open-day-change-filed', params: { title, agencyId, changedFields, reason } },
    };
  }
  if (OpenDayChangeReturnedV1.contract.matches(event)) {
    const { agencyId, title, changedFields, comments } = event.data;
    return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'open-day-change-returned', params: { title, changedFields, comments } } };
  }
  // The consumer hands over only the events it consumes; anything else is a wiring mistake.
  if (!OpenDayChangedV2.contract.matches(event)) throw new Error(`${(event as CloudEvent).type} makes no work for staff`);
  const { agencyId, title, changedFields, review } = event.data;
  if (review !== 'approved-by-city-office') return null;
  return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'open-day-change-approved', params: { title, changedFields } } };
}
