import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AnswerFeedbackInput,
  AssignFeedbackInput,
  FeedbackListQuery,
  PageQuery,
  FeedbackRpcOperations,
  RateAnswerInput,
  RecordFeedbackInput,
  SubmitFeedbackInput,
  SurveyQuestionsInput,
  SurveyResponseInput,
  type Actor,
  type FeedbackItemPage,
  type FeedbackItemView,
  type SurveyResponseView,
  type SurveyResultsView,
  type SurveyView,
} from '@openday/contracts';
import { FEEDBACK_ANSWER_WORKING_DAYS } from '@openday/domain';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { Audited, AuditedRead } from '../audit/audited.interceptor';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { DepartmentDirectory } from './department-directory';
import {
  AnswerFeedbackDoc,
  AssignFeedbackDoc,
  FeedbackIdParams,
  FeedbackItemDto,
  FeedbackItemPageDto,
  FeedbackTextDoc,
  OpenDayIdParams,
  RateAnswerDoc,
  RecordFeedbackDoc,
  SurveyDto,
  SurveyQuestionsDoc,
  SurveyResponseDoc,
  SurveyResponseDto,
  SurveyResultsDto,
} from './feedback.dto';

const ops = FeedbackRpcOperations;
const AGENCY = ['agency-staff', 'agency-admin'] as const;

/**
 * Feedback and accountability at the gateway: the feedback service owns the items and keeps
 * agencies apart (another agency's item answers 404); the gateway checks shapes and roles,
 * checks assigned departments against its agencies directory, and audits assignments and answers.
 */
@ApiTags('feedback')
@Controller('api/v1')
export class FeedbackController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly departments: DepartmentDirectory,
  ) {}

  @Post('open-days/:id/feedback')
  @Access('citizen')
  @Idempotent()
  @ApiOperation({ summary: 'A checked-in representative gives an opinion or suggestion (from the start of their session)' })
  @ApiBody({ type: FeedbackTextDoc })
  @ApiConflictResponse({ description: 'Not checked in at this open day, or the session has not started (problem+json).' })
  @ApiCreatedResponse({ type: FeedbackItemDto })
  submit(@Param() params: OpenDayIdParams, @Body() input: SubmitFeedbackInput, @CurrentActor() actor: Actor): Promise<FeedbackItemView> {
    return this.rpc.call('feedback', ops.submit, { actor, openDayId: params.id, input });
  }

  @Post('open-days/:id/feedback/recorded')
  @Access(...AGENCY)
  @Idempotent()
  @ApiOperation({ summary: 'Agency staff record what a representative said (e.g. at a forum), on their behalf' })
  @ApiBody({ type: RecordFeedbackDoc })
  @ApiUnprocessableEntityResponse({ description: 'ticketId is not a ticket of this open day (problem+json).' })
  @ApiCreatedResponse({ type: FeedbackItemDto })
  record(@Param() params: OpenDayIdParams, @Body() input: RecordFeedbackInput, @CurrentActor() actor: Actor): Promise<FeedbackItemView> {
    return this.rpc.call('feedback', ops.record, { actor, openDayId: params.id, input });
  }

  @Get('open-days/:id/feedback')
  @Access(...AGENCY, 'city-office')
  @AuditedRead('feedback', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'An open day’s feedback items for triage (filters: status, topic, overdue)' })
  @ApiNotFoundResponse({ description: 'No such open day of your agency (problem+json).' })
  @ApiOkResponse({ type: FeedbackItemPageDto })
  listForOpenDay(@Param() params: OpenDayIdParams, @Query() query: FeedbackListQuery, @CurrentActor() actor: Actor): Promise<FeedbackItemPage> {
    return this.rpc.call('feedback', ops.listForOpenDay, { actor, openDayId: params.id, query });
  }

  @Post('feedback/:feedbackId/assignment')
  @HttpCode(200)
  @Access(...AGENCY)
  @Audited('feedback.assigned', { targetType: 'feedback', targetId: 'param:feedbackId', agencyId: 'result:agencyId' })
  @ApiOperation({ summary: `Assign (交办) an item to the responsible department with a due date (default ${FEEDBACK_ANSWER_WORKING_DAYS} working days); again until answered` })
  @ApiBody({ type: AssignFeedbackDoc })
  @ApiUnprocessableEntityResponse({ description: 'departmentId is not an active agency in the directory, or dueDate is past (problem+json).' })
  @ApiConflictResponse({ description: 'The item is answered already (problem+json).' })
  @ApiOkResponse({ type: FeedbackItemDto })
  async assign(@Param() params: FeedbackIdParams, @Body() input: AssignFeedbackInput, @CurrentActor() actor: Actor): Promise<FeedbackItemView> {
    await this.departments.assertExists(input.departmentId);
    return this.rpc.call('feedback', ops.assign, { actor, feedbackId: params.feedbackId, input });
  }

  @Get('department/feedback')
  @Access('department-handler')
  @AuditedRead('department-feedback', { targetType: 'department', targetId: 'actor:agencyId' })
  @ApiOperation({ summary: 'Items assigned to the caller’s department (filters: status, topic, overdue)' })
  @ApiOkResponse({ type: FeedbackItemPageDto })
  listForDepartment(@Query() query: FeedbackListQuery, @CurrentActor() actor: Actor): Promise<FeedbackItemPage> {
    return this.rpc.call('feedback', ops.listForDepartment, { actor, query });
  }

  @Post('feedback/:feedbackId/answer')
  @HttpCode(200)
  @Access('department-handler')
  @Audited('feedback.answered', { targetType: 'feedback', targetId: 'param:feedbackId', agencyId: 'result:agencyId' })
  @ApiOperation({ summary: 'The assigned department answers (反馈): solved, will be solved (by a date), explained, or not our remit (passed to …)' })
  @ApiBody({ type: AnswerFeedbackDoc })
  @ApiConflictResponse({ description: 'Answered already (problem+json).' })
  @ApiOkResponse({ type: FeedbackItemDto })
  answer(@Param() params: FeedbackIdParams, @Body() input: AnswerFeedbackInput, @CurrentActor() actor: Actor): Promise<FeedbackItemView> {
    return this.rpc.call('feedback', ops.answer, { actor, feedbackId: params.feedbackId, input });
  }

  @Get('my/feedback')
  @Access('citizen')
  @ApiOperation({ summary: 'The caller’s feedback items (their own and those staff recorded for their ticket) with the answers' })
  @ApiOkResponse({ type: FeedbackItemPageDto })
  listMine(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<FeedbackItemPage> {
    return this.rpc.call('feedback', ops.listMine, { actor, query });
  }

  @Post('my/feedback/:feedbackId/rating')
  @HttpCode(200)
  @Access('citizen')
  @ApiOperation({ summary: 'The representative rates the answer to their item, 1-5, once' })
  @ApiBody({ type: RateAnswerDoc })
  @ApiConflictResponse({ description: 'Not answered yet, or rated already (problem+json).' })
  @ApiOkResponse({ type: FeedbackItemDto })
  rate(@Param() params: FeedbackIdParams, @Body() input: RateAnswerInput, @CurrentActor() actor: Actor): Promise<FeedbackItemView> {
    return this.rpc.call('feedback', ops.rate, { actor, feedbackId: params.feedbackId, input });
  }

  @Get('open-days/:id/survey')
  @Access('citizen', ...AGENCY, 'city-office')
  @ApiOperation({ summary: 'The open day’s satisfaction survey: the overall question (1-5) and the agency’s own' })
  @ApiOkResponse({ type: SurveyDto })
  getSurvey(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<SurveyView> {
    return this.rpc.call('feedback', ops.getSurvey, { actor, openDayId: params.id });
  }

  @Put('open-days/:id/survey/questions')
  @Access(...AGENCY)
  @ApiOperation({ summary: 'Set the agency’s own survey questions (single or multiple choice, 1-5 rating, free text)' })
  @ApiBody({ type: SurveyQuestionsDoc })
  @ApiConflictResponse({ description: 'Representatives have answered already: the questions are fixed (problem+json).' })
  @ApiOkResponse({ type: SurveyDto })
  setQuestions(@Param() params: OpenDayIdParams, @Body() input: SurveyQuestionsInput, @CurrentActor() actor: Actor): Promise<SurveyView> {
    return this.rpc.call('feedback', ops.setSurveyQuestions, { actor, openDayId: params.id, input });
  }

  @Get('open-days/:id/survey/results')
  @Access(...AGENCY, 'city-office')
  @ApiOperation({
    summary: 'The survey’s answers counted: overall satisfaction and each own question per option or per rating 1-5, with the means',
    description: 'For the organising agency’s staff and admins and the city office. Counts only: no response, ticket or person is named, and text answers are counted without their words.',
  })
  @ApiNotFoundResponse({ description: 'No such open day of your agency (problem+json).' })
  @ApiOkResponse({ type: SurveyResultsDto })
  surveyResults(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<SurveyResultsView> {
    return this.rpc.call('feedback', ops.surveyResults, { actor, openDayId: params.id });
  }

  @Post('open-days/:id/survey/responses')
  @Access('citizen')
  @Idempotent()
  @ApiOperation({ summary: 'A checked-in representative answers the survey, once' })
  @ApiBody({ type: SurveyResponseDoc })
  @ApiConflictResponse({ description: 'Not checked in, or answered already (problem+json).' })
  @ApiCreatedResponse({ type: SurveyResponseDto })
  answerSurvey(@Param() params: OpenDayIdParams, @Body() input: SurveyResponseInput, @CurrentActor() actor: Actor): Promise<SurveyResponseView> {
    return this.rpc.call('feedback', ops.answerSurvey, { actor, openDayId: params.id, input });
  }
}
