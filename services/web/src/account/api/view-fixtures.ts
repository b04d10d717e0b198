// Views as the gateway answers them, for the account pages' rule tables.
import type { ApplicantView, ApplicationView, FeedbackItemView, TicketView } from './views';

export const OPEN_DAY = 'od-1';

export function applicantView(overrides: Partial<ApplicantView> = {}, selection: Partial<ApplicantView['selection']> = {}): ApplicantView {
  return {
    personId: 'p-1',
    name: '张小三',
    maskedIdNumber: '110105********002X',
    maskedMobile: '138****5678',
    maskedEmail: null,
    category: 'ordinary-citizen',
    district: 'gulou',
    selection: { outcome: 'pending', reasonCode: null, waitlistPosition: null, decidedAt: null, ...selection },
    ...overrides,
  };
}

export function applicationView(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'app-1',
    openDayId: OPEN_DAY,
    openDayTitle: '走进自来水厂',
    sessionId: 's-1',
    sessionDate: '2026-11-29',
    channel: 'self',
    status: 'submitted',
    recommendingOrganisation: null,
    unit: null,
    people: [applicantView()],
    submittedAt: '2026-11-20T02:00:00.000Z',
    withdrawnAt: null,
    ...overrides,
  };
}

export function ticketView(overrides: Partial<TicketView> = {}): TicketView {
  return {
    ticketId: 't-1',
    applicationId: 'app-1',
    personId: 'p-1',
    openDayId: OPEN_DAY,
    sessionId: 's-1',
    agencyId: 'water-affairs-bureau',
    title: '走进自来水厂',
    date: '2026-11-29',
    startsAt: '09:00',
    endsAt: '11:30',
    startsAtInstant: '2026-11-29T01:00:00.000Z',
    assemblyPoint: '市政府东门',
    transport: '',
    venues: [],
    agenda: [],
    notices: [],
    checkInCode: 'K7Q2M9XD',
    qrPayload: 'OPENDAY-TICKET:1:t-1:K7Q2M9XD',
    maskedName: '张*三',
    promoted: false,
    status: 'issued',
    issuedAt: '2026-11-27T02:00:00.000Z',
    checkedInAt: null,
    revokedAt: null,
    revocationReason: null,
    ...overrides,
  };
}

export function feedbackItemView(overrides: Partial<FeedbackItemView> = {}): FeedbackItemView {
  return {
    id: 'f-1',
    openDayId: OPEN_DAY,
    agencyId: 'water-affairs-bureau',
    openDayTitle: '走进自来水厂',
    topic: 'infrastructure',
    text: '建议增加夜间供水检修公告',
    attachment: null,
    source: 'representative',
    personId: 'p-1',
    submittedAt: '2026-11-29T02:00:00.000Z',
    status: 'collected',
    departmentId: null,
    dueDate: null,
    assignedAt: null,
    overdue: false,
    everOverdue: false,
    chaseCount: 0,
    answer: null,
    rating: null,
    ...overrides,
  };
}
