import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  OpenDayChangedV1,
  OpenDayEndedV1,
  OpenDayPublishedV2,
  type Actor,
  type CloudEvent,
  problemEntry,
} from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { checkInOf, feedbackTestDatabase, ticketOn24September, type FeedbackTestDatabase } from '../../test/feedback-database';
import { applicationCounted, attendeeCheckedIn, openDayChanged, openDayEnded, openDayPublished, ticketIssued } from '../events/open-day-facts';
import { StatisticsService } from '../statistics/statistics.service';
import { SurveyService } from '../surveys/survey.service';
import { OverdueService } from '../timers/overdue.service';
import { FeedbackService } from './feedback.service';

const SETTINGS = { answerWorkingDays: 15, chaseEveryWorkingDays: 3 };
const AGENCY = 'water-affairs-bureau';
const staff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: AGENCY };
const admin: Actor = { userId: randomUUID(), role: 'agency-admin', agencyId: AGENCY };
const otherStaff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'gulou-district' };
const tax: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'tax-bureau' };
const finance: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'finance-bureau' };
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };

/** The calendar copy as feedback holds it; a test may give it a year the city office adds. */
let calendarCopy = officialCalendar();

describe('feedback on PostgreSQL', () => {
  let database: FeedbackTestDatabase | undefined;
  let dataSource: DataSource;
  let clock: ManualClock;
  let feedback: FeedbackService;
  let surveys: SurveyService;
  let statistics: StatisticsService;
  let overdue: OverdueService;
  let otherReplica: OverdueService;

  beforeAll(async () => {
    database = await feedbackTestDatabase('feedback_items', 10);
    dataSource = database.dataSource;
    clock = new ManualClock(new Date('2026-09-24T10:00:00+08:00'));
    const outbox = new Outbox(testNamespace());
    const calendar = { current: async () => calendarCopy };
    feedback = new FeedbackService(dataSource, outbox, clock, calendar, SETTINGS);
    surveys = new SurveyService(dataSource, outbox, clock);
    statistics = new StatisticsService(dataSource, clock);
    overdue = new OverdueService(dataSource, outbox, clock, calendar, SETTINGS);
    otherReplica = new OverdueService(dataSource, outbox, clock, calendar, SETTINGS);
  }, 60_000);
  afterAll(() => database?.stop());

  const inTx = <T>(work: (m: import('typeorm').EntityManager) => Promise<T>) => dataSource.transaction(work);

  /** The events of one kind (e.g. `feedback-assigned`) written for an aggregate, in order. */
  async function events<T>(name: string, aggregateId: string): Promise<T[]> {
    const rows = (await dataSource.query(`SELECT payload FROM outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY seq`, [
      `gov.openday.feedback.${name}.v1`,
      aggregateId,
    ])) as Array<{ payload: CloudEvent<T> }>;
    return rows.map((r) => r.payload.data);
  }

  /** An open day on 24 September 2026 (before National Day) with one representative; events in a scrambled order. */
  async function openDayWithRepresentative(checkedIn = true) {
    const openDayId = randomUUID();
    const sessionId = randomUUID();
    const citizen: Actor = { userId: randomUUID(), role: 'citizen' };
    const ticket = ticketOn24September(citizen.userId, { openDayId, sessionId, agencyId: AGENCY });
    if (checkedIn) {
      // The check-in comes before the ticket it is about.
      await inTx((m) => attendeeCheckedIn(m, checkInOf(ticket)));
    }
    await inTx((m) => ticketIssued(m, ticket));
    const published: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId,
      agencyId: AGENCY,
      title: '走进自来水厂',
      sessions: [{ sessionId, date: '2026-09-24', startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
    };
    await inTx((m) => openDayPublished(m, published));
    return { openDayId, citizen, ticket };
  }

  it('takes feedback only from checked-in representatives, from the start of their session', async () => {
    clock.set('2026-09-24T08:55:00+08:00');
    const { openDayId, citizen } = await openDayWithRepresentative();
    const notYet = await openDayWithRepresentative(false);
    const input = { text: '建议增加停车位', topic: 'infrastructure' as const };
    await expect(feedback.submit(citizen, openDayId, input)).rejects.toMatchObject({ problem: { status: 409, title: 'Session not started' } });
    clock.set('2026-09-24T09:00:00+08:00');
    await expect(feedback.submit(notYet.citizen, notYet.openDayId, input)).rejects.toMatchObject({ problem: { status: 409, title: 'Not checked in' } });
    await expect(feedback.submit({ userId: randomUUID(), role: 'citizen' }, openDayId, input)).rejects.toMatchObject({ problem: { status: 404 } });
    const item = await feedback.submit(citizen, openDayId, { ...input, attachment: 'https://files.example/parking.jpg' });
    expect(item).toMatchObject({ status: 'collected', source: 'representative', topic: 'infrastructure', openDayTitle: '走进自来水厂', attachment: 'https://files.example/parking.jpg' });
    expect(await events('feedback-submitted', item.id)).toEqual([expect.objectContaining({ feedbackId: item.id, personId: expect.any(String), source: 'representative' })]);
    expect((await feedback.listMine(citizen, {})).items.map((i) => i.id)).toEqual([item.id]);
  });

  it('lets staff record on a representative’s behalf, naming a ticket of that open day only', async () => {
    clock.set('2026-09-24T10:30:00+08:00');
    const { openDayId, citizen, ticket } = await openDayWithRepresentative();
    const other = await openDayWithRepresentative();
    const input = { text: '座谈会上提出：水费账单看不懂', topic: 'public-service' as const };
    await expect(feedback.record(staff, openDayId, { ...input, ticketId: other.ticket.ticketId })).rejects.toMatchObject({
      problem: { status: 422, errors: [{ field: 'ticketId', rule: 'ticketOfOpenDay' }] },
    });
    await expect(feedback.record(otherStaff, openDayId, input)).rejects.toMatchObject({ problem: { status: 404 } });
    const named = await feedback.record(staff, openDayId, { ...input, ticketId: ticket.ticketId });
    const unnamed = await feedback.record(staff, openDayId, input);
    expect(named).toMatchObject({ source: 'recorded-by-staff', personId: ticket.personId });
    expect(unnamed.personId).toBeNull();
    expect((await feedback.listMine(citizen, {})).items.map((i) => i.id)).toEqual([named.id]);
    expect((await feedback.listForOpenDay(staff, openDayId, {})).items).toHaveLength(2);
    await expect(feedback.listForOpenDay(otherStaff, openDayId, {})).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('assigns with 15 working days over National Day, chases once per due time across replicas, and takes a late answer and a rating', async () => {
    clock.set('2026-09-24T10:00:00+08:00');
    const { openDayId, citizen } = await openDayWithRepresentative();
    const item = await feedback.submit(citizen, openDayId, { text: '办税大厅排队太久', topic: 'public-service' });
    await expect(feedback.assign(otherStaff, item.id, { departmentId: 'tax-bureau' })).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(feedback.assign(staff, item.id, { departmentId: 'tax-bureau', dueDate: '2026-09-23' })).rejects.toMatchObject({
      problem: { status: 422, errors: [{ field: 'dueDate', rule: 'notPast' }] },
    });
    const assigned = await feedback.assign(staff, item.id, { departmentId: 'tax-bureau' });
    expect(assigned).toMatchObject({ status: 'assigned', departmentId: 'tax-bureau', dueDate: '2026-10-22', overdue: false });
    expect(await events('feedback-assigned', item.id)).toEqual([expect.objectContaining({ departmentId: 'tax-bureau', dueDate: '2026-10-22' })]);
    expect((await feedback.listForDepartment(tax, {})).items.map((i) => i.id)).toContain(item.id);
    expect((await feedback.listForDepartment(finance, {})).items.map((i) => i.id)).not.toContain(item.id);

    clock.set('2026-10-22T23:59:59+08:00');
    expect(await overdue.chaseDue()).not.toContain(item.id);
    clock.set('2026-10-23T00:00:00+08:00');
    const [mine, theirs] = await Promise.all([overdue.chaseDue(), otherReplica.chaseDue()]);
    expect([...mine, ...theirs].filter((id) => id === item.id)).toHaveLength(1);
    expect(await overdue.chaseDue()).not.toContain(item.id);
    clock.set('2026-10-28T09:00:00+08:00');
    expect(await overdue.chaseDue()).toContain(item.id);
    expect(await events('feedback-overdue', item.id)).toEqual([
      expect.objectContaining({ chaseNumber: 1, workingDaysOverdue: 1, dueDate: '2026-10-22', departmentId: 'tax-bureau' }),
      expect.objectContaining({ chaseNumber: 2, workingDaysOverdue: 4 }),
    ]);
    expect((await feedback.listForOpenDay(staff, openDayId, { overdue: 'true' })).items.map((i) => i.id)).toEqual([item.id]);

    await expect(feedback.rate(citizen, item.id, { rating: 4 })).rejects.toMatchObject({ problem: { status: 409 } });
    await expect(feedback.answer(finance, item.id, { outcome: 'solved', answer: '已解决' })).rejects.toMatchObject({ problem: { status: 404 } });
    clock.set('2026-10-28T15:00:00+08:00');
    const answered = await feedback.answer(tax, item.id, { outcome: 'will-be-solved', answer: '明年一季度增设自助终端', promisedBy: '2027-03-31' });
    expect(answered).toMatchObject({ status: 'answered', overdue: false, everOverdue: true, answer: { outcome: 'will-be-solved', promisedBy: '2027-03-31', late: true } });
    expect(await events('feedback-answered', item.id)).toEqual([expect.objectContaining({ personId: expect.any(String), late: true, passedTo: null })]);
    await expect(feedback.answer(tax, item.id, { outcome: 'solved', answer: 'again' })).rejects.toMatchObject({ problem: { status: 409 } });
    await expect(feedback.assign(staff, item.id, { departmentId: 'finance-bureau' })).rejects.toMatchObject({ problem: { status: 409 } });
    clock.set('2026-11-29T10:00:00+08:00');
    expect(await overdue.chaseDue()).not.toContain(item.id);

    await expect(feedback.rate({ userId: randomUUID(), role: 'citizen' }, item.id, { rating: 4 })).rejects.toMatchObject({ problem: { status: 404 } });
    expect(await feedback.rate(citizen, item.id, { rating: 4 })).toMatchObject({ rating: 4 });
    await expect(feedback.rate(citizen, item.id, { rating: 5 })).rejects.toMatchObject({ problem: { status: 409, type: problemEntry('feedback-state').type, detail: expect.stringContaining('rated already') } });
    expect(await events('feedback-rated', item.id)).toEqual([expect.objectContaining({ rating: 4, departmentId: 'tax-bureau' })]);
  });

  it('reassigns before an answer with a fresh due date and chase count', async () => {
    clock.set('2026-11-23T10:00:00+08:00');
    const { openDayId, citizen } = await openDayWithRepresentative();
    const item = await feedback.submit(citizen, openDayId, { text: '河道保洁', topic: 'environment' });
    await feedback.assign(staff, item.id, { departmentId: 'tax-bureau', dueDate: '2026-11-24' });
    clock.set('2026-11-25T00:00:00+08:00');
    expect(await overdue.chaseDue()).toContain(item.id);
    const again = await feedback.assign(staff, item.id, { departmentId: 'finance-bureau' });
    expect(again).toMatchObject({ departmentId: 'finance-bureau', dueDate: '2026-12-16', overdue: false, everOverdue: true, chaseCount: 0 });
  });

  it('runs the survey: the agency’s questions, one validated answer per ticket, fixed after the first', async () => {
    clock.set('2026-09-24T11:00:00+08:00');
    const { openDayId, citizen } = await openDayWithRepresentative();
    const questions = [{ id: 'transport', kind: 'single-choice' as const, prompt: '交通方式', required: true, options: ['bus', 'metro'] }];
    await expect(surveys.setQuestions(staff, openDayId, { questions: [{ ...questions[0], options: ['bus'] }] })).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'questions[0].options', rule: 'minOptions' }] },
    });
    await surveys.setQuestions(staff, openDayId, { questions });
    const survey = await surveys.get(citizen, openDayId);
    expect(survey.questions.map((q) => q.id)).toEqual(['overall', 'transport']);
    expect(survey.answeredByMe).toBe(false);
    await expect(surveys.get(otherStaff, openDayId)).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(surveys.answer(citizen, openDayId, { answers: [{ questionId: 'overall', value: 5 }] })).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'answers.transport', rule: 'required' }] },
    });
    const response = await surveys.answer(citizen, openDayId, { answers: [{ questionId: 'overall', value: 4 }, { questionId: 'transport', value: 'metro' }] });
    expect(response.overallSatisfaction).toBe(4);
    await expect(surveys.answer(citizen, openDayId, { answers: [{ questionId: 'overall', value: 5 }, { questionId: 'transport', value: 'bus' }] })).rejects.toMatchObject({
      problem: { status: 409, title: 'Already answered' },
    });
    await expect(surveys.setQuestions(staff, openDayId, { questions: [] })).rejects.toMatchObject({ problem: { status: 409 } });
    expect(await surveys.get(staff, openDayId)).toMatchObject({ responses: 1, locked: true, answeredByMe: null });
    expect(await events('survey-answered', openDayId)).toEqual([expect.objectContaining({ overallSatisfaction: 4, agencyId: AGENCY })]);
  });

  it('counts per open day, files the summary after the end, and lists the city-wide table', async () => {
    clock.set('2026-11-23T10:00:00+08:00');
    const { openDayId, citizen, ticket } = await openDayWithRepresentative();
    const a = await feedback.submit(citizen, openDayId, { text: 'one', topic: 'policy' });
    const b = await feedback.submit(citizen, openDayId, { text: 'two', topic: 'policy' });
    await feedback.submit(citizen, openDayId, { text: 'three', topic: 'other' });
    await feedback.assign(staff, a.id, { departmentId: 'tax-bureau', dueDate: '2026-11-23' });
    await feedback.assign(staff, b.id, { departmentId: 'tax-bureau' });
    await feedback.answer(tax, b.id, { outcome: 'solved', answer: 'done' });
    await feedback.rate(citizen, b.id, { rating: 5 });
    await surveys.answer(citizen, openDayId, { answers: [{ questionId: 'overall', value: 3 }] });
    await inTx((m) => applicationCounted(m, 'fb_applications', ticket.personId, openDayId));
    await inTx((m) => applicationCounted(m, 'fb_applications', randomUUID(), openDayId));
    await inTx((m) => applicationCounted(m, 'fb_selections', ticket.personId, openDayId));
    clock.set('2026-11-24T00:00:00+08:00');
    await overdue.chaseDue();

    const stats = await statistics.openDay(staff, openDayId);
    expect(stats.figures).toEqual({
      collected: 3, assigned: 2, answered: 1, solved: 1, overdueNow: 1, overdueEver: 1, answeredLate: 0,
      satisfaction: { average: 3, count: 1 }, rating: { average: 5, count: 1 },
    });
    await expect(statistics.openDay(otherStaff, openDayId)).rejects.toMatchObject({ problem: { status: 404 } });
    expect((await statistics.agency(staff, AGENCY)).figures.collected).toBeGreaterThanOrEqual(3);
    await expect(statistics.agency(otherStaff, AGENCY)).rejects.toMatchObject({ problem: { status: 404 } });

    await expect(statistics.fileSummary(admin, openDayId, '活动顺利')).rejects.toMatchObject({ problem: { status: 409 } });
    const ended: OpenDayEndedV1 = {
      ...OpenDayEndedV1.contract.definition.example,
      openDayId,
      agencyId: AGENCY,
      firstDate: '2026-09-24',
      lastDate: '2026-09-24',
      attendance: { ticketsIssued: 1, ticketsRevoked: 0, checkedIn: 1, noShows: 0 },
    };
    await inTx((m) => openDayEnded(m, ended));
    await expect(statistics.fileSummary(staff, openDayId, '活动顺利')).rejects.toMatchObject({ problem: { status: 404 } });
    const filed = await statistics.fileSummary(admin, openDayId, '活动顺利');
    expect(filed).toMatchObject({ revision: 1, text: '活动顺利', figures: { collected: 3 }, attendance: { checkedIn: 1, final: true } });
    clock.set('2026-11-25T09:00:00+08:00');
    await feedback.answer(tax, a.id, { outcome: 'explained', answer: 'not now' });
    const refiled = await statistics.fileSummary(admin, openDayId, '活动顺利，已全部反馈');
    expect(refiled).toMatchObject({ revision: 2, figures: { answered: 2, answeredLate: 1 }, firstFiledAt: filed.filedAt });
    expect(refiled.filedAt).not.toBe(filed.filedAt);

    const { rows } = await statistics.report(cityOffice, { month: '2026-09', agencyId: AGENCY });
    expect(rows.find((r) => r.openDayId === openDayId)).toEqual({
      openDayId, title: '走进自来水厂', agencyId: AGENCY, firstDate: '2026-09-24', lastDate: '2026-09-24',
      applications: 2, selected: 1, ticketsIssued: 1, checkedIn: 1, noShows: 0,
      collected: 3, answered: 2, solved: 1, overdueNow: 0, satisfaction: 3, satisfactionCount: 1, rating: 5, ratingCount: 1, summaryFiled: true,
    });
    expect((await statistics.report(cityOffice, { month: '2026-10' })).rows.find((r) => r.openDayId === openDayId)).toBeUndefined();
    expect((await statistics.city(cityOffice)).openDays).toBeGreaterThanOrEqual(6);
    await expect(statistics.report(admin, {})).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('moves an open day to its new dates in the city-wide table when its time changes', async () => {
    const { openDayId } = await openDayWithRepresentative();
    const moved = [
      { sessionId: randomUUID(), date: '2026-09-27', startsAt: '14:00', endsAt: '16:00', capacity: 10 },
      { sessionId: randomUUID(), date: '2026-09-26', startsAt: '09:00', endsAt: '11:00', capacity: 10 },
    ];
    await inTx((m) => openDayChanged(m, { ...OpenDayChangedV1.contract.definition.example, openDayId, agencyId: AGENCY, title: '走进自来水厂（改期）', sessions: moved }));
    const { rows } = await statistics.report(cityOffice, { month: '2026-09', agencyId: AGENCY });
    expect(rows.find((r) => r.openDayId === openDayId)).toMatchObject({ title: '走进自来水厂（改期）', firstDate: '2026-09-26', lastDate: '2026-09-27' });
  });

  it('in a year the calendar lacks: no guessed due date, overdue shown at once, the chase waits for the year', async () => {
    clock.set('2026-12-14T10:00:00+08:00');
    const { openDayId, citizen } = await openDayWithRepresentative();
    const item = await feedback.submit(citizen, openDayId, { text: '公交站台缺少遮雨棚', topic: 'infrastructure' });
    await expect(feedback.assign(staff, item.id, { departmentId: 'tax-bureau' })).rejects.toMatchObject({ problem: { status: 422 } });
    await feedback.assign(staff, item.id, { departmentId: 'tax-bureau', dueDate: '2026-12-31' });

    clock.set('2027-01-01T00:00:01+08:00');
    expect(await overdue.chaseDue()).not.toContain(item.id);
    expect((await feedback.listForOpenDay(staff, openDayId, { overdue: 'true' })).items.map((i) => i.id)).toEqual([item.id]);
    expect(await events('feedback-overdue', item.id)).toEqual([]);

    try {
      calendarCopy = officialCalendar().withDays({ coveredYears: [2027], holidays: ['2027-01-01'] });
      clock.set('2027-01-04T09:00:00+08:00');
      expect(await overdue.chaseDue()).toContain(item.id);
      expect(await events('feedback-overdue', item.id)).toEqual([expect.objectContaining({ chaseNumber: 1, workingDaysOverdue: 1, dueDate: '2026-12-31' })]);
    } finally {
      calendarCopy = officialCalendar();
    }
  });
});
