import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ANSWER_OUTCOMES, FEEDBACK_TOPICS, MAX_SURVEY_QUESTIONS, SURVEY_QUESTION_KINDS } from '@openday/contracts';

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

  @ApiProperty({ required: false, format: 'date', description: 'Default: 15 working days after today on the official working-day calendar.' })
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
