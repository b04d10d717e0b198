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
export function staffNoticeOf(event: CloudEvent, openDayTitle: string | null = null): StaffNotice | null {
  switch (event.type) {
    case PlanSubmittedV1.contract.type: {
      const { title, agencyId, firstSessionDate, submission, filedOn, lastOnTimeFilingDate } = event.data as PlanSubmittedV1;
      return {
        audience: { agencyId: CITY_OFFICE_AGENCY_ID, roles: CITY_OFFICE },
        content: { template: 'plan-submitted', params: { title, agencyId, firstSessionDate, submission, filedOn, lastOnTimeFilingDate } },
      };
    }
    case PlanReturnedV1.contract.type: {
      const { agencyId, title, comments } = event.data as PlanReturnedV1;
      return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'plan-returned', params: { title, comments } } };
    }
    case PlanApprovedV1.contract.type: {
      const { agencyId, title, firstSessionDate } = event.data as PlanApprovedV1;
      return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'plan-approved', params: { title, firstSessionDate } } };
    }
    case ApplicationFlaggedV1.contract.type: {
      const { agencyId, answerDueDate, state } = event.data as ApplicationFlaggedV1;
      return {
        audience: { agencyId: CITY_OFFICE_AGENCY_ID, roles: CITY_OFFICE },
        content: { template: 'application-flagged', params: { title: openDayTitle, agencyId, answerDueDate, awaitingJointReview: state === 'awaiting-joint-review' } },
      };
    }
    case FeedbackAssignedV1.contract.type: {
      const { departmentId, feedbackId, dueDate } = event.data as FeedbackAssignedV1;
      return { audience: { agencyId: departmentId, roles: FEEDBACK_HANDLERS }, content: { template: 'feedback-assigned', params: { feedbackId, dueDate } } };
    }
    case OpenDayChangeFiledV1.contract.type: {
      const { title, agencyId, changedFields, reason } = event.data as OpenDayChangeFiledV1;
      return {
        audience: { agencyId: CITY_OFFICE_AGENCY_ID, roles: CITY_OFFICE },
        content: { template: 'open-day-change-filed', params: { title, agencyId, changedFields, reason } },
      };
    }
    case OpenDayChangeReturnedV1.contract.type: {
      const { agencyId, title, changedFields, comments } = event.data as OpenDayChangeReturnedV1;
      return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'open-day-change-returned', params: { title, changedFields, comments } } };
    }
    case OpenDayChangedV2.contract.type: {
      const { agencyId, title, changedFields, review } = event.data as OpenDayChangedV2;
      if (review !== 'approved-by-city-office') return null;
      return { audience: { agencyId, roles: PLAN_OWNERS }, content: { template: 'open-day-change-approved', params: { title, changedFields } } };
    }
    default:
      throw new Error(`${event.type} makes no work for staff`);
  }
}
