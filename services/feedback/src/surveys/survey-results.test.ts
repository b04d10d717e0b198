import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OpenDayPublishedV2, type Actor } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { checkInOf, feedbackTestDatabase, ticketOn24September, type FeedbackTestDatabase } from '../../test/feedback-database';
import { attendeeCheckedIn, openDayPublished, ticketIssued } from '../events/open-day-facts';
import { SurveyService } from './survey.service';

const AGENCY = 'water-affairs-bureau';
const staff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: AGENCY };
const admin: Actor = { userId: randomUUID(), role: 'agency-admin', agencyId: AGENCY };
const otherStaff: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'gulou-district' };
const tax: Actor = { userId: randomUUID(), role: 'department-handler', agencyId: 'tax-bureau' };
const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };

const QUESTIONS = [
  { id: 'transport', kind: 'single-choice' as const, prompt: '您是怎么来的？', required: true, options: ['公交', '地铁', '自驾'] },
  { id: 'liked', kind: 'multiple-choice' as const, prompt: '您喜欢哪些环节？', required: false, options: ['参观', '座谈', '手册'] },
  { id: 'guide', kind: 'rating' as const, prompt: '讲解员', required: false },
  { id: 'say', kind: 'text' as const, prompt: '还有什么想说的？', required: false },
];

describe('survey results on PostgreSQL', () => {
  let database: FeedbackTestDatabase | undefined;
  let dataSource: DataSource;
  let clock: ManualClock;
  let surveys: SurveyService;

  beforeAll(async () => {
    database = await feedbackTestDatabase('feedback_survey_results', 5);
    dataSource = database.dataSource;
    clock = new ManualClock(new Date('2026-09-24T11:00:00+08:00'));
    surveys = new SurveyService(dataSource, new Outbox(testNamespace()), clock);
  }, 60_000);
  afterAll(() => database?.stop());

  /** An open day of the water bureau on 24 September 2026 with `count` checked-in representatives. */
  async function openDayWithRepresentatives(count: number): Promise<{ openDayId: string; citizens: Actor[] }> {
    const openDayId = randomUUID();
    const sessionId = randomUUID();
    await dataSource.transaction((m) =>
      openDayPublished(m, {
        ...OpenDayPublishedV2.contract.definition.example,
        openDayId,
        agencyId: AGENCY,
        title: '走进自来水厂',
        sessions: [{ sessionId, date: '2026-09-24', startsAt: '09:00', endsAt: '11:30', capacity: 10 }],
      }),
    );
    const citizens: Actor[] = [];
    for (let i = 0; i < count; i += 1) {
      const citizen: Actor = { userId: randomUUID(), role: 'citizen' };
      const ticket = ticketOn24September(citizen.userId, { openDayId, sessionId, agencyId: AGENCY });
      await dataSource.transaction((m) => ticketIssued(m, ticket));
      await dataSource.transaction((m) => attendeeCheckedIn(m, checkInOf(ticket)));
      citizens.push(citizen);
    }
    return { openDayId, citizens };
  }

  const answer = (citizen: Actor, openDayId: string, answers: Record<string, unknown>) =>
    surveys.answer(citizen, openDayId, { answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value })) });

  it('counts each option and rating, the mean, and how many answered each question, with no words of a text answer', async () => {
    const { openDayId, citizens } = await openDayWithRepresentatives(4);
    await surveys.setQuestions(staff, openDayId, { questions: QUESTIONS });
    const before = await surveys.results(staff, openDayId);
    expect(before.responses).toBe(0);
    expect(before.questions.map((q) => [q.id, q.answered, q.mean])).toEqual([['overall', 0, null], ['transport', 0, null], ['liked', 0, null], ['guide', 0, null], ['say', 0, null]]);

    await answer(citizens[0], openDayId, { overall: 5, transport: '地铁', liked: ['参观', '座谈'], guide: 4, say: '我叫张三，电话 13912345678' });
    await answer(citizens[1], openDayId, { overall: 4, transport: '地铁', liked: ['座谈'] });
    await answer(citizens[2], openDayId, { overall: 2, transport: '公交', guide: 5 });

    const results = await surveys.results(staff, openDayId);
    expect(results).toEqual({
      openDayId,
      responses: 3,
      questions: [
        expect.objectContaining({ id: 'overall', kind: 'rating', answered: 3, ratings: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 2 || rating >= 4 ? 1 : 0 })), mean: 3.67 }),
        expect.objectContaining({ id: 'transport', answered: 3, options: [{ option: '公交', count: 1 }, { option: '地铁', count: 2 }, { option: '自驾', count: 0 }], ratings: null, mean: null }),
        expect.objectContaining({ id: 'liked', answered: 2, options: [{ option: '参观', count: 1 }, { option: '座谈', count: 2 }, { option: '手册', count: 0 }] }),
        expect.objectContaining({ id: 'guide', answered: 2, ratings: [0, 0, 0, 1, 1].map((count, i) => ({ rating: i + 1, count })), mean: 4.5 }),
        { id: 'say', kind: 'text', prompt: '还有什么想说的？', required: false, answered: 1, options: null, ratings: null, mean: null },
      ],
    });
    expect(JSON.stringify(results)).not.toMatch(/张三|13912345678|userId|ticket/);
    expect(await surveys.results(admin, openDayId)).toEqual(results);
    expect(await surveys.results(cityOffice, openDayId)).toEqual(results);
  });

  it('shows another agency, a department and a citizen nothing (404), and an unknown open day as unknown', async () => {
    const { openDayId, citizens } = await openDayWithRepresentatives(1);
    for (const actor of [otherStaff, tax, citizens[0]]) {
      await expect(surveys.results(actor, openDayId)).rejects.toMatchObject({ problem: { status: 404 } });
    }
    await expect(surveys.results(staff, randomUUID())).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('has the overall question alone when the agency set no questions of its own', async () => {
    const { openDayId, citizens } = await openDayWithRepresentatives(1);
    await answer(citizens[0], openDayId, { overall: 3 });
    const results = await surveys.results(staff, openDayId);
    expect(results.questions.map((q) => [q.id, q.answered, q.mean])).toEqual([['overall', 1, 3]]);
    expect(results.responses).toBe(1);
  });
});
