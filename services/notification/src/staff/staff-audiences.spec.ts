import {
  ApplicationFlaggedV1,
  FeedbackAssignedV1,
  OpenDayChangedV2,
  OpenDayChangeFiledV1,
  OpenDayChangeReturnedV1,
  PlanApprovedV1,
  PlanReturnedV1,
  PlanSubmittedV1,
  TicketIssuedV1,
  type CloudEvent,
  type EventContract,
  type EventOf,
} from '@openday/contracts';
import { staffNoticeOf, type StaffAudience, type StaffNoticeEvent } from './staff-audiences';

function eventOf<T>(contract: EventContract<T>, data: Partial<T> = {}): CloudEvent<T> {
  return contract.create({ ...contract.definition.example, ...data }, { subject: 'test' });
}

describe('who is told what waits', () => {
  it.each<[string, EventOf<StaffNoticeEvent>, StaffAudience, string]>([
    ['a filed plan: the city office', eventOf(PlanSubmittedV1.contract, { agencyId: 'water-affairs-bureau' }), { agencyId: 'city-office', roles: ['city-office'] }, 'plan-submitted'],
    [
      'a returned plan: its agency’s admins and staff',
      eventOf(PlanReturnedV1.contract, { agencyId: 'water-affairs-bureau' }),
      { agencyId: 'water-affairs-bureau', roles: ['agency-admin', 'agency-staff'] },
      'plan-returned',
    ],
    [
      'an approved plan: its agency’s admins and staff',
      eventOf(PlanApprovedV1.contract, { agencyId: 'tax-bureau' }),
      { agencyId: 'tax-bureau', roles: ['agency-admin', 'agency-staff'] },
      'plan-approved',
    ],
    [
      'a filed change of an open day: the city office',
      eventOf(OpenDayChangeFiledV1.contract, { agencyId: 'water-affairs-bureau' }),
      { agencyId: 'city-office', roles: ['city-office'] },
      'open-day-change-filed',
    ],
    [
      'a returned change: its agency’s admins and staff',
      eventOf(OpenDayChangeReturnedV1.contract, { agencyId: 'water-affairs-bureau' }),
      { agencyId: 'water-affairs-bureau', roles: ['agency-admin', 'agency-staff'] },
      'open-day-change-returned',
    ],
    [
      'a change the city office approved: its agency’s admins and staff',
      eventOf(OpenDayChangedV2.contract, { agencyId: 'tax-bureau', review: 'approved-by-city-office' }),
      { agencyId: 'tax-bureau', roles: ['agency-admin', 'agency-staff'] },
      'open-day-change-approved',
    ],
    [
      'a flagged application: the city office, not the agency',
      eventOf(ApplicationFlaggedV1.contract, { agencyId: 'water-affairs-bureau' }),
      { agencyId: 'city-office', roles: ['city-office'] },
      'application-flagged',
    ],
    [
      'assigned feedback: the department it is assigned to, not the organising agency',
      eventOf(FeedbackAssignedV1.contract, { agencyId: 'water-affairs-bureau', departmentId: 'housing-bureau' }),
      { agencyId: 'housing-bureau', roles: ['agency-admin', 'agency-staff', 'department-handler'] },
      'feedback-assigned',
    ],
  ])('%s', (_label, event, audience, template) => {
    const notice = staffNoticeOf(event);
    expect(notice?.audience).toEqual(audience);
    expect(notice?.content.template).toBe(template);
  });

  it('tells nobody of a change that needed no review (notices only): the agency made it itself', () => {
    expect(staffNoticeOf(eventOf(OpenDayChangedV2.contract, { changedFields: ['notices'], review: 'not-required' }))).toBeNull();
  });

  it('gives the agency the city office’s comments on a returned change, and the city office the reason for a filed one', () => {
    expect(staffNoticeOf(eventOf(OpenDayChangeReturnedV1.contract, { comments: '请说明下午场的安全保障' }))?.content).toMatchObject({ params: { comments: '请说明下午场的安全保障' } });
    expect(staffNoticeOf(eventOf(OpenDayChangeFiledV1.contract, { reason: '上午水厂检修' }))?.content).toMatchObject({ params: { reason: '上午水厂检修' } });
  });

  it.each<[string, Partial<ApplicationFlaggedV1>, boolean]>([
    ['no decision yet', { state: 'eligible' }, false],
    ['waiting for joint review', { state: 'awaiting-joint-review' }, true],
  ])('a flagged application says whether it waits for joint review: %s', (_label, data, awaiting) => {
    expect(staffNoticeOf(eventOf(ApplicationFlaggedV1.contract, data), '走进自来水厂')?.content).toMatchObject({
      params: { title: '走进自来水厂', awaitingJointReview: awaiting },
    });
  });

  it('refuses an event that makes no work for staff', () => {
    const notConsumed = eventOf(TicketIssuedV1.contract) as CloudEvent as EventOf<StaffNoticeEvent>;
    expect(() => staffNoticeOf(notConsumed)).toThrow('makes no work for staff');
  });
});
