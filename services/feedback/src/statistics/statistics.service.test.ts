import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { OpenDayEndedV1, OpenDayPublishedV2, type Actor } from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { checkInOf, feedbackTestDatabase, ticketOn24September, type FeedbackTestDatabase } from '../../test/feedback-database';
import { applicationCounted, attendeeCheckedIn, openDayEnded, openDayPublished, ticketIssued } from '../events/open-day-facts';
import { FeedbackService } from '../feedback/feedback.service';
import { SurveyService } from '../surveys/survey.service';
import { StatisticsService } from './statistics.service';

const WATER = 'water-affairs-bureau';
const GULOU = 'gulou-district';
const waterStaff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: WATER };
const gulouStaff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: GULOU };
const tax: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'tax-bureau' };
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };

/**
 * The boards' figures on PostgreSQL: four open days of two agencies over two years (September and
 * November 2026, January 2027), counted per open day, per agency and city-wide, by month and by
 * agency, and the open days behind a bar for whoever may see them.
 */
describe('statistics boards on PostgreSQL', () => {
  let database: FeedbackTestDatabase | undefined;
  let dataSource: DataSource;
  let statistics: StatisticsService;
  const ids = { september: randomUUID(), november: randomUUID(), gulou: randomUUID(), january: randomUUID() };

  const inTx = <T>(work: (m: EntityManager) => Promise<T>) => dataSource.transaction(work);

  async function openDay(openDayId: string, agencyId: string, date: string, title: string, applications: number): Promise<void> {
    await inTx((m) =>
      openDayPublished(m, {
        ...OpenDayPublishedV2.contract.definition.example,
        openDayId,
        agencyId,
        title,
        sessions: [{ sessionId: randomUUID(), date, startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
      }),
    );
    for (let i = 0; i < applications; i += 1) await inTx((m) => applicationCounted(m, 'fb_applications', randomUUID(), openDayId));
  }

  beforeAll(async () => {
    database = await feedbackTestDatabase('feedback_statistics', 5);
    dataSource = database.dataSource;
    const clock = new ManualClock(new Date('2026-09-24T10:30:00+08:00'));
    const outbox = new Outbox(testNamespace());
    const feedback = new FeedbackService(dataSource, outbox, clock, { current: async () => officialCalendar() }, { answerWorkingDays: 15, chaseEveryWorkingDays: 3 });
    const surveys = new SurveyService(dataSource, outbox, clock);
    statistics = new StatisticsService(dataSource, clock);

    // September: three applications, two selected with tickets, one checked in who answers the survey; two opinions, one solved; then the day ends.
    await openDay(ids.september, WATER, '2026-09-24', '走进自来水厂', 3);
    const citizen: Actor = { userId: randomUUID(), role: 'citizen' };
    const tickets = [citizen.userId, randomUUID()].map((userId) => ticketOn24September(userId, { openDayId: ids.september, agencyId: WATER }));
    for (const ticket of tickets) {
      await inTx((m) => ticketIssued(m, ticket));
      await inTx((m) => applicationCounted(m, 'fb_selections', ticket.personId, ids.september));
    }
    const [present] = tickets;
    await inTx((m) => attendeeCheckedIn(m, checkInOf(present)));
    await surveys.answer(citizen, ids.september, { answers: [{ questionId: 'overall', value: 4 }] });
    const solved = await feedback.record(waterStaff, ids.september, { text: '建议增加公交站点', topic: 'infrastructure' });
    await feedback.record(waterStaff, ids.september, { text: '水费账单看不懂', topic: 'public-service' });
    await feedback.assign(waterStaff, solved.id, { departmentId: 'tax-bureau' });
    await feedback.answer(tax, solved.id, { outcome: 'solved', answer: '已增设站点。' });
    await inTx((m) =>
      openDayEnded(m, {
        ...OpenDayEndedV1.contract.definition.example,
        openDayId: ids.september,
        agencyId: WATER,
        title: '走进自来水厂',
        firstDate: '2026-09-24',
        lastDate: '2026-09-24',
        attendance: { ticketsIssued: 2, ticketsRevoked: 0, checkedIn: 1, noShows: 1 },
      }),
    );

    await openDay(ids.november, WATER, '2026-11-05', '水质检测开放日', 1);
    await openDay(ids.gulou, GULOU, '2026-11-20', '鼓楼区政务服务中心开放日', 2);
    await openDay(ids.january, WATER, '2027-01-10', '节水宣传开放日', 4);
  }, 60_000);
  afterAll(() => database?.stop());

  it('counts one open day from application to answer, for its agency', async () => {
    const view = await statistics.openDay(waterStaff, ids.september);
    expect(view).toMatchObject({
      scope: 'open-day',
      openDayId: ids.september,
      agencyId: WATER,
      year: null,
      openDays: 1,
      openDay: { title: '走进自来水厂', firstDate: '2026-09-24', lastDate: '2026-09-24', ended: true },
      participation: { applications: 3, selected: 2, ticketsIssued: 2, checkedIn: 1, noShows: 1, ended: 1 },
      figures: { collected: 2, assigned: 1, answered: 1, solved: 1, overdueNow: 0, satisfaction: { average: 4, count: 1 } },
    });
    expect(view.byMonth.map((g) => g.key)).toEqual(['2026-09']);
    expect(view.byAgency.map((g) => g.key)).toEqual([WATER]);
    await expect(statistics.openDay(gulouStaff, ids.september)).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('counts an agency by month, in a year or over all its months', async () => {
    const year = await statistics.agency(waterStaff, WATER, { year: '2026' });
    expect(year).toMatchObject({ scope: 'agency', agencyId: WATER, year: 2026, openDays: 2, participation: { applications: 4, selected: 2, noShows: 1, ended: 1 } });
    expect(year.byMonth).toHaveLength(12);
    expect(year.byMonth.filter((g) => g.openDays > 0).map((g) => [g.key, g.participation.applications, g.figures.collected])).toEqual([
      ['2026-09', 3, 2],
      ['2026-11', 1, 0],
    ]);
    const always = await statistics.agency(waterStaff, WATER);
    expect(always).toMatchObject({ year: null, openDays: 3, participation: { applications: 8 } });
    expect(always.byMonth.map((g) => [g.key, g.openDays])).toEqual([
      ['2026-09', 1],
      ['2026-10', 0],
      ['2026-11', 1],
      ['2026-12', 0],
      ['2027-01', 1],
    ]);
    await expect(statistics.agency(gulouStaff, WATER)).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('counts the city by month and by agency, for the city office only', async () => {
    const city = await statistics.city(cityOffice, { year: '2026' });
    expect(city).toMatchObject({ scope: 'city', agencyId: null, year: 2026, openDays: 3, participation: { applications: 6 } });
    expect(city.byAgency.map((g) => [g.key, g.openDays, g.participation.applications, g.figures.collected])).toEqual([
      [GULOU, 1, 2, 0],
      [WATER, 2, 4, 2],
    ]);
    expect(city.byMonth.find((g) => g.key === '2026-11')).toMatchObject({ openDays: 2, participation: { applications: 3 } });
    await expect(statistics.city(waterStaff)).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('lists the open days behind a bar for whoever may see their agency', async () => {
    const titles = (report: { rows: Array<{ title: string }> }) => report.rows.map((r) => r.title);
    expect(titles(await statistics.openDayFigures(waterStaff, { agencyId: WATER, month: '2026-11' }))).toEqual(['水质检测开放日']);
    expect(titles(await statistics.openDayFigures(waterStaff, { agencyId: WATER, year: '2026' }))).toEqual(['走进自来水厂', '水质检测开放日']);
    expect((await statistics.openDayFigures(waterStaff, { agencyId: WATER, month: '2026-09' })).rows).toEqual([
      expect.objectContaining({ applications: 3, selected: 2, checkedIn: 1, noShows: 1, collected: 2, answered: 1, solved: 1, satisfaction: 4 }),
    ]);
    expect(titles(await statistics.openDayFigures(cityOffice, { year: '2027' }))).toEqual(['节水宣传开放日']);
    expect(titles(await statistics.openDayFigures(cityOffice, { month: '2026-11' }))).toEqual(['水质检测开放日', '鼓楼区政务服务中心开放日']);
    await expect(statistics.openDayFigures(gulouStaff, { agencyId: WATER })).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(statistics.openDayFigures(waterStaff, {})).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(statistics.openDayFigures(tax, { agencyId: 'tax-bureau' })).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(statistics.report(waterStaff, { agencyId: WATER })).rejects.toMatchObject({ problem: { status: 404 } });
  });
});
