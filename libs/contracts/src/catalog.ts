import type { EventContract } from './event-contract';
import { OpenDayPublishedV1 } from './events/scheduling/open-day-published.v1';
import { SignInCodeRequestedV1 } from './events/gateway/sign-in-code-requested.v1';
import { StaffContactRecordedV1 } from './events/gateway/staff-contact-recorded.v1';
import { OpenDayPublishedV2 } from './events/scheduling/open-day-published.v2';
import { OpenDayPublishedV3 } from './events/scheduling/open-day-published.v3';
import { PlanSubmittedV1 } from './events/scheduling/plan-submitted.v1';
import { PlanApprovedV1 } from './events/scheduling/plan-approved.v1';
import { PlanReturnedV1 } from './events/scheduling/plan-returned.v1';
import { OpenDayChangedV1 } from './events/scheduling/open-day-changed.v1';
import { OpenDayChangedV2 } from './events/scheduling/open-day-changed.v2';
import { OpenDayCancelledV1 } from './events/scheduling/open-day-cancelled.v1';
import { ApplicationSubmittedV1 } from './events/registration/application-submitted.v1';
import { ApplicationWithdrawnV1 } from './events/registration/application-withdrawn.v1';
import { ApplicationScreenedV1 } from './events/vetting/application-screened.v1';
import { ApplicationSelectedV1 } from './events/vetting/application-selected.v1';
import { ApplicationSelectedV2 } from './events/vetting/application-selected.v2';
import { ApplicationRejectedV1 } from './events/vetting/application-rejected.v1';
import { ApplicationWaitlistedV1 } from './events/vetting/application-waitlisted.v1';
import { ApplicationRejectedV2 } from './events/vetting/application-rejected.v2';
import { ApplicationWaitlistedV2 } from './events/vetting/application-waitlisted.v2';
import { SelectionCompletedV1 } from './events/vetting/selection-completed.v1';
import { PublicNoticePublishedV1 } from './events/vetting/public-notice-published.v1';
import { LotteryCommittedV1 } from './events/vetting/lottery-committed.v1';
import { LotteryRevealedV1 } from './events/vetting/lottery-revealed.v1';
import { ApplicationFlaggedV1 } from './events/vetting/application-flagged.v1';
import { ContactDetailsRecordedV1 } from './events/registration/contact-details-recorded.v1';
import { TicketIssuedV1 } from './events/scheduling/ticket-issued.v1';
import { TicketIssuedV2 } from './events/scheduling/ticket-issued.v2';
import { TicketRevokedV1 } from './events/scheduling/ticket-revoked.v1';
import { TicketRevokedV2 } from './events/scheduling/ticket-revoked.v2';
import { OpenDayChangeFiledV1 } from './events/scheduling/open-day-change-filed.v1';
import { OpenDayChangeReturnedV1 } from './events/scheduling/open-day-change-returned.v1';
import { AttendeeCheckedInV1 } from './events/scheduling/attendee-checked-in.v1';
import { AttendeeNoShowV1 } from './events/scheduling/attendee-no-show.v1';
import { OpenDayEndedV1 } from './events/scheduling/open-day-ended.v1';
import { FeedbackSubmittedV1 } from './events/feedback/feedback-submitted.v1';
import { FeedbackAssignedV1 } from './events/feedback/feedback-assigned.v1';
import { FeedbackAnsweredV1 } from './events/feedback/feedback-answered.v1';
import { FeedbackRatedV1 } from './events/feedback/feedback-rated.v1';
import { FeedbackOverdueV1 } from './events/feedback/feedback-overdue.v1';
import { SurveyAnsweredV1 } from './events/feedback/survey-answered.v1';
import { NotificationDeliveredV1 } from './events/notification/notification-delivered.v1';
import { WorkingCalendarChangedV1 } from './events/scheduling/working-calendar-changed.v1';
import { NotificationFailedV1 } from './events/notification/notification-failed.v1';

/** Every event type on the bus. The AsyncAPI document is generated from this list. */
export const eventCatalog: readonly EventContract[] = [
  OpenDayPublishedV1.contract,
  SignInCodeRequestedV1.contract,
  OpenDayPublishedV2.contract,
  OpenDayPublishedV3.contract,
  PlanSubmittedV1.contract,
  PlanApprovedV1.contract,
  PlanReturnedV1.contract,
  OpenDayChangedV1.contract,
  OpenDayChangedV2.contract,
  OpenDayCancelledV1.contract,
  ApplicationSubmittedV1.contract,
  ApplicationWithdrawnV1.contract,
  ApplicationScreenedV1.contract,
  ApplicationSelectedV1.contract,
  ApplicationSelectedV2.contract,
  ApplicationRejectedV1.contract,
  ApplicationWaitlistedV1.contract,
  ApplicationRejectedV2.contract,
  ApplicationWaitlistedV2.contract,
  SelectionCompletedV1.contract,
  PublicNoticePublishedV1.contract,
  LotteryCommittedV1.contract,
  LotteryRevealedV1.contract,
  ApplicationFlaggedV1.contract,
  ContactDetailsRecordedV1.contract,
  TicketIssuedV1.contract,
  TicketIssuedV2.contract,
  TicketRevokedV1.contract,
  TicketRevokedV2.contract,
  OpenDayChangeFiledV1.contract,
  OpenDayChangeReturnedV1.contract,
  AttendeeCheckedInV1.contract,
  AttendeeNoShowV1.contract,
  OpenDayEndedV1.contract,
  FeedbackSubmittedV1.contract,
  FeedbackAssignedV1.contract,
  FeedbackAnsweredV1.contract,
  FeedbackRatedV1.contract,
  FeedbackOverdueV1.contract,
  SurveyAnsweredV1.contract,
  NotificationDeliveredV1.contract,
  NotificationFailedV1.contract,
  WorkingCalendarChangedV1.contract,
  StaffContactRecordedV1.contract,
];

const byType = new Map(eventCatalog.map((contract) => [contract.type, contract]));

export function contractForType(type: string): EventContract | undefined {
  return byType.get(type);
}
