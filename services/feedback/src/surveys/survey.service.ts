import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  SurveyAnsweredV1,
  type Actor,
  type SurveyQuestionsInput,
  type SurveyQuestionView,
  type SurveyResponseInput,
  type SurveyResponseView,
  type SurveyResultsView,
  type SurveyView,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, problem } from '@openday/platform';
import { assertManages, canManage, notFound } from '../feedback/access';
import { checkedInTicket } from '../feedback/feedback.service';
import { countedQuestionIds, surveyResults, type AnswerTally } from './survey-results';
import { OVERALL_QUESTION, validateAnswers, validateQuestions } from './survey-rules';

/**
 * The satisfaction survey of each open day: the default overall question plus the agency's own.
 * Questions are fixed once the first response came in (changing them would make the answers
 * incomparable): setting them afterwards answers 409.
 */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(actor: Actor, openDayId: string): Promise<SurveyView> {
    const manager = this.dataSource.manager;
    const agencyId = await openDayAgency(manager, openDayId);
    let answeredByMe: boolean | null = null;
    if (actor.role === 'citizen') {
      const [mine] = (await manager.query(
        `SELECT bool_or(r.id IS NOT NULL) AS answered FROM fb_tickets t LEFT JOIN fb_survey_responses r ON r.ticket_id = t.ticket_id
          WHERE t.applicant_user_id = $1 AND t.open_day_id = $2 AND NOT t.revoked HAVING count(*) > 0`,
        [actor.userId, openDayId],
      )) as Array<{ answered: boolean }>;
      if (!mine) throw notFound(`open day ${openDayId} of yours`);
      answeredByMe = mine.answered;
    } else if (!agencyId || !canManage(actor, agencyId)) {
      throw notFound(`open day ${openDayId}`);
    }
    const responses = await responseCount(manager, openDayId);
    return { openDayId, questions: await questionsOf(manager, openDayId), responses, answeredByMe, locked: responses > 0 };
  }

  async setQuestions(actor: Actor, openDayId: string, input: SurveyQuestionsInput): Promise<SurveyView> {
    const problems = validateQuestions(input.questions);
    if (problems.length > 0) throw problem('invalid-input', { detail: 'The request has invalid fields.', errors: problems });
    return this.dataSource.transaction(async (manager) => {
      const [openDay] = (await manager.query(`SELECT agency_id FROM fb_open_days WHERE id = $1 FOR UPDATE`, [openDayId])) as Array<{ agency_id: string }>;
      if (!openDay || actor.role === 'city-office') throw notFound(`open day ${openDayId} of your agency`);
      assertManages(actor, openDay.agency_id, `open day ${openDayId} of your agency`);
      if ((await responseCount(manager, openDayId)) > 0) {
        throw problem('survey-locked', { detail: 'Representatives have answered this survey; its questions can no longer change.' });
      }
      const questions: SurveyQuestionView[] = input.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        prompt: q.prompt.trim(),
        required: q.required,
        options: q.kind === 'single-choice' || q.kind === 'multiple-choice' ? q.options!.map((o) => o.trim()) : null,
      }));
      await manager.query(
        `INSERT INTO fb_surveys (open_day_id, questions, updated_by, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (open_day_id) DO UPDATE SET questions = $2, updated_by = $3, updated_at = $4`,
        [openDayId, JSON.stringify(questions), actor.userId, this.clock.now()],
      );
      return { openDayId, questions: [OVERALL_QUESTION, ...questions], responses: 0, answeredByMe: null, locked: false };
    });
  }

  /**
   * The answers counted for the organising agency and the city office: per question how many
   * answered, each option's and each rating's count, the mean rating. One snapshot, so the
   * counts agree with each other while responses keep coming in.
   */
  async results(actor: Actor, openDayId: string): Promise<SurveyResultsView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const agencyId = await openDayAgency(manager, openDayId);
      if (!agencyId || !canManage(actor, agencyId)) throw notFound(`open day ${openDayId}`);
      const questions = await questionsOf(manager, openDayId);
      const answered = (await manager.query(
        `SELECT q.key AS "questionId", count(*)::int AS count
           FROM fb_survey_responses r CROSS JOIN LATERAL jsonb_object_keys(r.answers) AS q(key)
          WHERE r.open_day_id = $1 GROUP BY q.key`,
        [openDayId],
      )) as Array<{ questionId: string; count: number }>;
      // A multiple-choice answer is a list: each option chosen counts once.
      const tallies = (await manager.query(
        `SELECT q.key AS "questionId", coalesce(e.value, q.value) #>> '{}' AS answer, count(*)::int AS count
           FROM fb_survey_responses r
           CROSS JOIN LATERAL jsonb_each(r.answers) AS q(key, value)
           LEFT JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(q.value) WHEN 'array' THEN q.value ELSE '[]'::jsonb END) AS e(value) ON true
          WHERE r.open_day_id = $1 AND q.key = ANY($2::text[])
          GROUP BY 1, 2`,
        [openDayId, countedQuestionIds(questions)],
      )) as AnswerTally[];
      const responses = await responseCount(manager, openDayId);
      return surveyResults(openDayId, questions, responses, new Map(answered.map((a) => [a.questionId, a.count])), tallies);
    });
  }

  /** A checked-in representative answers once per ticket; answers are checked against the questions. */
  async answer(actor: Actor, openDayId: string, input: SurveyResponseInput): Promise<SurveyResponseView> {
    return this.dataSource.transaction(async (manager) => {
      // The open day's row serialises responses against question changes.
      const [openDay] = (await manager.query(`SELECT agency_id FROM fb_open_days WHERE id = $1 FOR SHARE`, [openDayId])) as Array<{ agency_id: string }>;
      if (!openDay) throw notFound(`open day ${openDayId} of yours`);
      const now = this.clock.now();
      const ticket = await checkedInTicket(manager, actor, openDayId, now, `NOT EXISTS (SELECT 1 FROM fb_survey_responses r WHERE r.ticket_id = t.ticket_id)`);
      const { problems, response } = validateAnswers(await questionsOf(manager, openDayId), input.answers);
      if (!response) throw problem('invalid-input', { detail: 'The answers do not fit the survey.', errors: problems });
      const id = randomUUID();
      const inserted = (await manager.query(
        `INSERT INTO fb_survey_responses (id, open_day_id, ticket_id, overall, answers, answered_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (ticket_id) DO NOTHING RETURNING id`,
        [id, openDayId, ticket.ticket_id, response.overallSatisfaction, JSON.stringify(response.answers), now],
      )) as unknown[];
      if (inserted.length === 0) throw problem('survey-already-answered', { detail: 'You have answered this survey already.' });
      await this.outbox.add(
        manager,
        SurveyAnsweredV1.contract,
        { surveyResponseId: id, openDayId, agencyId: openDay.agency_id, overallSatisfaction: response.overallSatisfaction, answeredAt: now.toISOString() },
        { aggregateId: openDayId },
      );
      return { id, openDayId, overallSatisfaction: response.overallSatisfaction, answeredAt: now.toISOString() };
    });
  }
}

async function openDayAgency(manager: EntityManager, openDayId: string): Promise<string | undefined> {
  const [row] = (await manager.query(`SELECT agency_id FROM fb_open_days WHERE id = $1`, [openDayId])) as Array<{ agency_id: string }>;
  return row?.agency_id;
}

async function questionsOf(manager: EntityManager, openDayId: string): Promise<SurveyQuestionView[]> {
  const [row] = (await manager.query(`SELECT questions FROM fb_surveys WHERE open_day_id = $1`, [openDayId])) as Array<{ questions: SurveyQuestionView[] }>;
  return [OVERALL_QUESTION, ...(row?.questions ?? [])];
}

async function responseCount(manager: EntityManager, openDayId: string): Promise<number> {
  const [row] = (await manager.query(`SELECT count(*)::int AS n FROM fb_survey_responses WHERE open_day_id = $1`, [openDayId])) as Array<{ n: number }>;
  return row.n;
}
