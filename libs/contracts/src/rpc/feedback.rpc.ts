// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ANSWER_OUTCOMES, FEEDBACK_TOPICS, type AnswerOutcome, type FeedbackTopic } from '../events/feedback/feedback-parts';
import type { FeedbackSource } from '../events/feedback/feedback-submitted.v1';
import { Actor } from './actor';
import { PageQuery } from './page-query';
import type { Page } from './open-days.rpc';
import { IsFreeText } from '@openday/domain';

/** Request/reply operations of the feedback service, named `rpc.feedback.<operation>`. */
export const FeedbackRpcOperations = {
  submit: 'feedback.submit',
  record: 'feedback.record',
  listMine: 'feedback.list-mine',
  rate: 'feedback.rate',
  listForOpenDay: 'feedback.list-for-open-day',
  assign: 'feedback.assign',
  listForDepartment: 'feedback.list-for-department',
  answer: 'feedback.answer',
  getSurvey: 'survey.get',
  setSurveyQuestions: 'survey.set-questions',
  answerSurvey: 'survey.answer',
  surveyResults: 'survey.results',
  openDayStatistics: 'statistics.open-day',
  agencyStatistics: 'statistics.agency',
  cityStatistics: 'statistics.city',
  fileSummary: 'summary.file',
  getSummary: 'summary.get',
  report: 'report.open-days',
  openDayFigures: 'statistics.open-days',
} as const;

export const FEEDBACK_STATUSES = ['collected', 'assigned', 'answered'] as const;
/** collected: not yet assigned; assigned: with a department, unanswered; answered: the department answered. */
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const SURVEY_QUESTION_KINDS = ['single-choice', 'multiple-choice', 'rating', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
/** The default question every open day's survey starts with: overall satisfaction, 1-5, required. */
export const OVERALL_QUESTION_ID = 'overall';
export const MAX_SURVEY_QUESTIONS = 30;

/** An http(s) URL or a file reference `file:<path>` from the document store; nothing else is kept. */
export const ATTACHMENT_PATTERN = /^(https?:\/\/[^\s/$.?#][^\s]*|file:[A-Za-z0-9][A-Za-z0-9._/-]*)$/;
const DATE = { message: '$property must be a calendar date as YYYY-MM-DD' };
const AGENCY_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

export class FeedbackTextInput {
  @IsFreeText({ maxLength: 2000, multiline: true })
  text: string;

  @IsIn(FEEDBACK_TOPICS, { message: `topic must be one of ${FEEDBACK_TOPICS.join(', ')}` })
  topic: FeedbackTopic;

  /** Optional: an http(s) URL or `file:<path>`. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @Matches(ATTACHMENT_PATTERN, { message: 'attachment must be an http(s) URL or a file reference file:<path>' })
  attachment?: string;
}

/** Body of POST /api/v1/open-days/{id}/feedback (a checked-in representative). */
export class SubmitFeedbackInput extends FeedbackTextInput {}

/** Body of POST /api/v1/open-days/{id}/feedback/recorded: staff record what a representative said, optionally naming their ticket. */
export class RecordFeedbackInput extends FeedbackTextInput {
  @IsOptional()
  @IsUUID()
  ticketId?: string;
}

export class ActorRequest {
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;
}

export class FeedbackOpenDayRequest extends ActorRequest {
  @IsUUID()
  openDayId: string;
}

export class SubmitFeedbackRequest extends FeedbackOpenDayRequest {
  @ValidateNested()
  @Type(() => SubmitFeedbackInput)
  input: SubmitFeedbackInput;
}

export class RecordFeedbackRequest extends FeedbackOpenDayRequest {
  @ValidateNested()
  @Type(() => RecordFeedbackInput)
  input: RecordFeedbackInput;
}

/** Filters of the staff and department lists. */
export class FeedbackListQuery extends PageQuery {
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES, { message: `status must be one of ${FEEDBACK_STATUSES.join(', ')}` })
  status?: FeedbackStatus;

  @IsOptional()
  @IsIn(FEEDBACK_TOPICS, { message: `topic must be one of ${FEEDBACK_TOPICS.join(', ')}` })
  topic?: FeedbackTopic;

  /** `true`: only items overdue now; `false`: only items not overdue. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';
}

export class ListMyFeedbackRequest extends ActorRequest {
  @ValidateNested()
  @Type(() => PageQuery)
  query: PageQuery;
}

export class ListOpenDayFeedbackRequest extends FeedbackOpenDayRequest {
  @ValidateNested()
  @Type(() => FeedbackListQuery)
  query: FeedbackListQuery;
}

export class ListDepartmentFeedbackRequest extends ActorRequest {
  @ValidateNested()
  @Type(() => FeedbackListQuery)
  query: FeedbackListQuery;
}

/** Body of POST /api/v1/feedback/{feedbackId}/assignment (交办). */
export class AssignFeedbackInput {
  /** The responsible department: an agency code from the directory. */
  @IsString()
  @Matches(AGENCY_CODE, { message: 'departmentId must be an agency code' })
  departmentId: string;

  /** Optional; default 15 working days after the assignment (official calendar). */
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  dueDate?: string;
}

export class FeedbackItemRequest extends ActorRequest {
  @IsUUID()
  feedbackId: string;
}

export class AssignFeedbackRequest extends FeedbackItemRequest {
  @ValidateNested()
  @Type(() => AssignFeedbackInput)
  input: AssignFeedbackInput;
}

/** Body of POST /api/v1/feedback/{feedbackId}/answer (反馈). */
export class AnswerFeedbackInput {
  @IsIn(ANSWER_OUTCOMES, { message: `outcome must be one of ${ANSWER_OUTCOMES.join(', ')}` })
  outcome: AnswerOutcome;

  @IsFreeText({ maxLength: 4000, multiline: true })
  answer: string;

  /** Required for will-be-solved (and only then): the promised date. */
  @ValidateIf((o: AnswerFeedbackInput, value: unknown) => o.outcome === 'will-be-solved' || value !== undefined)
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  promisedBy?: string;

  /** Required for not-our-remit (and only then): the body the item was passed to. */
  @ValidateIf((o: AnswerFeedbackInput, value: unknown) => o.outcome === 'not-our-remit' || value !== undefined)
  @IsFreeText({ maxLength: 200 })
  passedTo?: string;
}

export class AnswerFeedbackRequest extends FeedbackItemRequest {
  @ValidateNested()
  @Type(() => AnswerFeedbackInput)
  input: AnswerFeedbackInput;
}

/** Body of POST /api/v1/my/feedback/{feedbackId}/rating. */
export class RateAnswerInput {
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;
}

export class RateAnswerRequest extends FeedbackItemRequest {
  @ValidateNested()
  @Type(() => RateAnswerInput)
  input: RateAnswerInput;
}

export class SurveyQuestionInput {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'id must be 1-40 lower-case letters, digits or hyphens' })
  id: string;

  @IsIn(SURVEY_QUESTION_KINDS, { message: `kind must be one of ${SURVEY_QUESTION_KINDS.join(', ')}` })
  kind: SurveyQuestionKind;

  @IsFreeText({ maxLength: 500 })
  prompt: string;

  @IsBoolean()
  required: boolean;

  /** For single and multiple choice only: 2-20 distinct options. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsFreeText({ maxLength: 200 }, { each: true })
  options?: string[];
}

/** Body of PUT /api/v1/open-days/{id}/survey/questions: the agency's own questions, after the default one. */
export class SurveyQuestionsInput {
  @IsArray()
  @ArrayMaxSize(MAX_SURVEY_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions: SurveyQuestionInput[];
}

export class SetSurveyQuestionsRequest extends FeedbackOpenDayRequest {
  @ValidateNested()
  @Type(() => SurveyQuestionsInput)
  input: SurveyQuestionsInput;
}

export class SurveyAnswerInput {
  @IsString()
  @Length(1, 40)
  questionId: string;

  /** A number 1-5 (rating), an option (single choice), a list of options (multiple choice) or a text; checked against the question. */
  @IsDefined()
  value: unknown;
}

/** Body of POST /api/v1/open-days/{id}/survey/responses. */
export class SurveyResponseInput {
  @IsArray()
  @ArrayMaxSize(MAX_SURVEY_QUESTIONS + 1)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerInput)
  answers: SurveyAnswerInput[];
}

export class AnswerSurveyRequest extends FeedbackOpenDayRequest {
  @ValidateNested()
  @Type(() => SurveyResponseInput)
  input: SurveyResponseInput;
}

/** Filters of the agency's and the city's figures: a calendar year, by the open days' first session. */
export class StatisticsQuery {
  @IsOptional()
  @Matches(/^20\d{2}$/, { message: 'year must be a year as YYYY (2000-2099)' })
  year?: string;
}

export class AgencyStatisticsRequest extends ActorRequest {
  @IsString()
  @Matches(AGENCY_CODE, { message: 'agencyId must be an agency code' })
  agencyId: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => StatisticsQuery)
  query?: StatisticsQuery;
}

export class CityStatisticsRequest extends ActorRequest {
  @IsOptional()
  @ValidateNested()
  @Type(() => StatisticsQuery)
  query?: StatisticsQuery;
}

/** Body of PUT /api/v1/open-days/{id}/summary. */
export class OpenDaySummaryInput {
  @IsFreeText({ maxLength: 5000, multiline: true })
  text: string;
}

export class FileSummaryRequest extends FeedbackOpenDayRequest {
  @ValidateNested()
  @Type(() => OpenDaySummaryInput)
  input: OpenDaySummaryInput;
}

/** Filters of the city-wide table. */
export class OpenDayReportQuery {
  /** Open days whose first session falls in this month (Asia/Shanghai), YYYY-MM. */
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;

  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE, { message: 'agencyId must be an agency code' })
  agencyId?: string;

  /** Open days whose first session falls in this year, YYYY. */
  @IsOptional()
  @Matches(/^20\d{2}$/, { message: 'year must be a year as YYYY (2000-2099)' })
  year?: string;
}

export class OpenDayReportRequest extends ActorRequest {
  @ValidateNested()
  @Type(() => OpenDayReportQuery)
  query: OpenDayReportQuery;
}

export interface FeedbackAnswerView {
  outcome: AnswerOutcome;
  answer: string;
  promisedBy: string | null;
  passedTo: string | null;
  answeredAt: string;
  /** Answered after the end of the due date. */
  late: boolean;
}

export interface FeedbackItemView {
  id: string;
  openDayId: string;
  agencyId: string;
  openDayTitle: string | null;
  topic: FeedbackTopic;
  text: string;
  attachment: string | null;
  source: FeedbackSource;
  personId: string | null;
  submittedAt: string;
  status: FeedbackStatus;
  departmentId: string | null;
  dueDate: string | null;
  assignedAt: string | null;
  /** Assigned, unanswered and past the end of its due date now. */
  overdue: boolean;
  /** Was overdue at some point (also when answered late since). */
  everOverdue: boolean;
  chaseCount: number;
  answer: FeedbackAnswerView | null;
  rating: number | null;
}

export type FeedbackItemPage = Page<FeedbackItemView>;

export interface SurveyQuestionView {
  id: string;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  options: string[] | null;
}

export interface SurveyView {
  openDayId: string;
  questions: SurveyQuestionView[];
  responses: number;
  /** Citizens: whether each of their checked-in tickets has answered; null for staff. */
  answeredByMe: boolean | null;
  /** Once anyone answered, the questions are fixed. */
  locked: boolean;
}

export interface SurveyResponseView {
  id: string;
  openDayId: string;
  overallSatisfaction: number;
  answeredAt: string;
}

/** How many answers chose one option of a choice question (a multiple-choice answer counts once per option chosen). */
export interface SurveyOptionCount {
  option: string;
  count: number;
}

/** How many answers gave one rating, 1-5. */
export interface SurveyRatingCount {
  rating: number;
  count: number;
}

/**
 * The counted answers to one question: `answered` responses answered it; choice questions count
 * each option (in the question's order), rating questions each of 1-5 with the mean (two decimals,
 * null when unanswered). Text answers are only counted: their words are not given out.
 */
export interface SurveyQuestionResultView {
  id: string;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  answered: number;
  options: SurveyOptionCount[] | null;
  ratings: SurveyRatingCount[] | null;
  mean: number | null;
}

/** The survey's answers counted, never who gave them: the overall question first, then the agency's own. */
export interface SurveyResultsView {
  openDayId: string;
  responses: number;
  questions: SurveyQuestionResultView[];
}

export interface AverageFigure {
  /** Rounded to two decimals; null when nothing to average. */
  average: number | null;
  count: number;
}

/**
 * The feedback figures of one open day, an agency or the city:
 * collected = every item; assigned = ever assigned to a department; answered = answered;
 * solved = answered "solved"; overdueNow = unanswered and past its due date now;
 * overdueEver = was overdue at some point (answered late included); answeredLate = answered after the due date;
 * satisfaction = the survey's overall question; rating = representatives' ratings of answers.
 */
export interface FeedbackFigures {
  collected: number;
  assigned: number;
  answered: number;
  solved: number;
  overdueNow: number;
  overdueEver: number;
  answeredLate: number;
  satisfaction: AverageFigure;
  rating: AverageFigure;
}

export interface AttendanceFigures {
  ticketsIssued: number;
  ticketsRevoked: number;
  checkedIn: number;
  noShows: number;
  /** True once scheduling reported the open day ended (the figures are final). */
  final: boolean;
}

/**
 * From application to the day, over a set of open days: applications and selections counted,
 * tickets issued and checked in (final once an open day ended, counted so far before), and the
 * no-shows of the open days that ended (`ended` of them).
 */
export interface ParticipationFigures {
  applications: number;
  selected: number;
  ticketsIssued: number;
  checkedIn: number;
  noShows: number;
  ended: number;
}

/** The figures of the open days of one month (`key` YYYY-MM, by first session) or one agency (`key` its code). */
export interface StatisticsGroup {
  key: string;
  openDays: number;
  participation: ParticipationFigures;
  figures: FeedbackFigures;
}

/** The open day a view of scope `open-day` is about. */
export interface StatisticsOpenDay {
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  ended: boolean;
}

export interface StatisticsView {
  scope: 'open-day' | 'agency' | 'city';
  openDayId: string | null;
  agencyId: string | null;
  /** The year asked for (agency and city), or null for every year. */
  year: number | null;
  openDays: number;
  figures: FeedbackFigures;
  participation: ParticipationFigures;
  /** Set for scope `open-day`. */
  openDay: StatisticsOpenDay | null;
  /** Every month from the first to the last with an open day (the whole year when one is asked for), none skipped. */
  byMonth: StatisticsGroup[];
  /** Every agency with an open day, by code. */
  byAgency: StatisticsGroup[];
}

export interface OpenDaySummaryView {
  openDayId: string;
  agencyId: string;
  text: string;
  figures: FeedbackFigures;
  attendance: AttendanceFigures;
  filedBy: string;
  filedAt: string;
  firstFiledBy: string;
  firstFiledAt: string;
  revision: number;
}

export interface OpenDayReportRow {
  openDayId: string;
  title: string;
  agencyId: string;
  firstDate: string | null;
  lastDate: string | null;
  applications: number;
  selected: number;
  ticketsIssued: number;
  checkedIn: number;
  /** Null until the open day ended. */
  noShows: number | null;
  collected: number;
  answered: number;
  solved: number;
  overdueNow: number;
  satisfaction: number | null;
  satisfactionCount: number;
  rating: number | null;
  ratingCount: number;
  summaryFiled: boolean;
}

export interface OpenDayReport {
  rows: OpenDayReportRow[];
}
