import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FEEDBACK_ANSWER_WORKING_DAYS } from '@openday/domain';
import {
  ANSWER_OUTCOMES,
  FEEDBACK_SOURCES,
  FEEDBACK_STATUSES,
  FEEDBACK_TOPICS,
  MAX_SURVEY_QUESTIONS,
  SURVEY_QUESTION_KINDS,
  type FeedbackAnswerView,
  type FeedbackItemView,
  type Page,
  type SurveyOptionCount,
  type SurveyQuestionResultView,
  type SurveyQuestionView,
  type SurveyRatingCount,
  type SurveyResponseView,
  type SurveyResultsView,
  type SurveyView,
} from '@openday/contracts';

export class OpenDayIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class FeedbackIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  feedbackId: string;
}

export class FeedbackTextDoc {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  text: string;

  @ApiProperty({ enum: FEEDBACK_TOPICS })
  topic: string;

  @ApiProperty({ required: false, maxLength: 500, description: 'An http(s) URL or a file reference `file:<path>`.' })
  attachment?: string;
}

export class RecordFeedbackDoc extends FeedbackTextDoc {
  @ApiProperty({ required: false, format: 'uuid', description: 'The representative’s ticket, if known: they are told of the answer and may rate it.' })
  ticketId?: string;
}

export class AssignFeedbackDoc {
  @ApiProperty({ description: 'The responsible department: an agency code from the directory.', example: 'tax-bureau' })
  departmentId: string;

  @ApiProperty({ required: false, format: 'date', description: `Default: ${FEEDBACK_ANSWER_WORKING_DAYS} working days after today on the official working-day calendar.` })
  dueDate?: string;
}

export class AnswerFeedbackDoc {
  @ApiProperty({ enum: ANSWER_OUTCOMES })
  outcome: string;

  @ApiProperty({ minLength: 1, maxLength: 4000 })
  answer: string;

  @ApiProperty({ required: false, format: 'date', description: 'Required for will-be-solved.' })
  promisedBy?: string;

  @ApiProperty({ required: false, maxLength: 200, description: 'Required for not-our-remit: the body it was passed to.' })
  passedTo?: string;
}

export class RateAnswerDoc {
  @ApiProperty({ minimum: 1, maximum: 5 })
  rating: number;
}

class SurveyQuestionDoc {
  @ApiProperty({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: '`overall` is the default question’s.' })
  id: string;

  @ApiProperty({ enum: SURVEY_QUESTION_KINDS })
  kind: string;

  @ApiProperty({ maxLength: 500 })
  prompt: string;

  @ApiProperty()
  required: boolean;

  @ApiProperty({ required: false, type: [String], description: 'Choice questions: 2-20 distinct options.' })
  options?: string[];
}

export class SurveyQuestionsDoc {
  @ApiProperty({ type: [SurveyQuestionDoc], maxItems: MAX_SURVEY_QUESTIONS, description: 'Replaces the agency’s questions; refused (409) once anyone answered.' })
  questions: SurveyQuestionDoc[];
}

class SurveyAnswerDoc {
  @ApiProperty({ example: 'overall' })
  questionId: string;

  @ApiProperty({ description: '1-5 for a rating, an option, a list of options, or a text.', oneOf: [{ type: 'integer' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  value: unknown;
}

export class SurveyResponseDoc {
  @ApiProperty({ type: [SurveyAnswerDoc] })
  answers: SurveyAnswerDoc[];
}

class FeedbackAnswerDto implements FeedbackAnswerView {
  @ApiProperty({ enum: ANSWER_OUTCOMES }) outcome: FeedbackAnswerView['outcome'];
  @ApiProperty() answer: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) promisedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) passedTo: string | null;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty({ description: 'Answered after the end of the due date.' }) late: boolean;
}

export class FeedbackItemDto implements FeedbackItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: String, nullable: true }) openDayTitle: string | null;
  @ApiProperty({ enum: FEEDBACK_TOPICS }) topic: FeedbackItemView['topic'];
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) attachment: string | null;
  @ApiProperty({ enum: FEEDBACK_SOURCES }) source: FeedbackItemView['source'];
  @ApiProperty({ type: String, nullable: true }) personId: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ enum: FEEDBACK_STATUSES }) status: FeedbackItemView['status'];
  @ApiProperty({ type: String, nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt: string | null;
  @ApiProperty({ description: 'Assigned, unanswered and past the end of its due date now.' }) overdue: boolean;
  @ApiProperty({ description: 'Was overdue at some point (also when answered late since).' }) everOverdue: boolean;
  @ApiProperty() chaseCount: number;
  @ApiProperty({ type: FeedbackAnswerDto, nullable: true }) answer: FeedbackAnswerDto | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating: number | null;
}

export class FeedbackItemPageDto implements Page<FeedbackItemView> {
  @ApiProperty({ type: [FeedbackItemDto] }) items: FeedbackItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' }) nextCursor: string | null;
}

class SurveyQuestionDto implements SurveyQuestionView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SURVEY_QUESTION_KINDS }) kind: SurveyQuestionView['kind'];
  @ApiProperty() prompt: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [String], nullable: true }) options: string[] | null;
}

export class SurveyDto implements SurveyView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ type: [SurveyQuestionDto] }) questions: SurveyQuestionDto[];
  @ApiProperty() responses: number;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Citizens: whether each of their checked-in tickets has answered; null for staff.' })
  answeredByMe: boolean | null;
  @ApiProperty({ description: 'Once anyone answered, the questions are fixed.' }) locked: boolean;
}

export class SurveyResponseDto implements SurveyResponseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) overallSatisfaction: number;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
}

class SurveyOptionCountDto implements SurveyOptionCount {
  @ApiProperty() option: string;
  @ApiProperty({ minimum: 0 }) count: number;
}

class SurveyRatingCountDto implements SurveyRatingCount {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ minimum: 0 }) count: number;
}

class SurveyQuestionResultDto implements SurveyQuestionResultView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SURVEY_QUESTION_KINDS }) kind: SurveyQuestionResultView['kind'];
  @ApiProperty() prompt: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ minimum: 0, description: 'Responses that answered this question.' }) answered: number;
  @ApiProperty({ type: [SurveyOptionCountDto], nullable: true, description: 'Choice questions: every option in order, with 0 when nobody chose it; a multiple-choice answer counts once per option chosen.' })
  options: SurveyOptionCountDto[] | null;
  @ApiProperty({ type: [SurveyRatingCountDto], nullable: true, description: 'Rating questions (the overall one included): the count of each rating 1-5.' })
  ratings: SurveyRatingCountDto[] | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, description: 'Rating questions: the mean, two decimals; null when nobody rated.' })
  mean: number | null;
}

export class SurveyResultsDto implements SurveyResultsView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty({ minimum: 0 }) responses: number;
  @ApiProperty({ type: [SurveyQuestionResultDto], description: 'The overall question first, then the agency’s own, in order. Text answers are counted, their words not given out.' })
  questions: SurveyQuestionResultDto[];
}
