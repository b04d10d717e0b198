import {
  ApplicationFlaggedV1,
  FeedbackAssignedV1,
  PlanApprovedV1,
  PlanReturnedV1,
  PlanSubmittedV1,
  TicketIssuedV1,
  type CloudEvent,
  type EventContract,
} from '@openday/contracts';
import { staffNoticeOf, type StaffAudience } from './staff-audiences';

function eventOf<T>(contract: EventContract<T>, data: Partial<T> = {}): CloudEvent {
  return contract.create({ ...contract.definition.example, ...data }, { subject: 'test' }) as CloudEvent;
}

describe('who is told what waits', () => {
  it.each<[string, CloudEvent, StaffAudience, string]>([
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
    expect(notice.audience).toEqual(audience);
    expect(notice.content.template).toBe(template);
  });

  it.each<[string, Partial<ApplicationFlaggedV1>, boolean]>([
    ['no decision yet', { state: 'eligible' }, false],
    ['waiting for joint review', { state: 'awaiting-joint-review' }, true],
  ])('a flagged application says whether it waits for joint review: %s', (_label, data, awaiting) => {
    expect(staffNoticeOf(eventOf(ApplicationFlaggedV1.contract, data), '走进自来水厂').content).toMatchObject({
      params: { title: '走进自来水厂', awaitingJointReview: awaiting },
    });
  });

  it('refuses an event that makes no work for staff', () => {
    expect(() => staffNoticeOf(eventOf(TicketIssuedV1.contract))).toThrow('makes no work for staff');
  });
});
