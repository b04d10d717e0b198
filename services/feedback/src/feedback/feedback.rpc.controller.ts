import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgencyStatisticsRequest,
  AnswerFeedbackRequest,
  AnswerSurveyRequest,
  AssignFeedbackRequest,
  CityStatisticsRequest,
  FeedbackOpenDayRequest,
  FeedbackRpcOperations,
  FileSummaryRequest,
  ListDepartmentFeedbackRequest,
  ListMyFeedbackRequest,
  ListOpenDayFeedbackRequest,
  OpenDayReportRequest,
  RateAnswerRequest,
  RecordFeedbackRequest,
  SetSurveyQuestionsRequest,
  SubmitFeedbackRequest,
  type FeedbackItemPage,
  type FeedbackItemView,
  type OpenDayReport,
  type OpenDaySummaryView,
  type StatisticsView,
  type SurveyResponseView,
  type SurveyResultsView,
  type SurveyView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { StatisticsService } from '../statistics/statistics.service';
import { SurveyService } from '../surveys/survey.service';
import { FeedbackService } from './feedback.service';

const ops = FeedbackRpcOperations;
const pattern = (operation: string) => rpcPattern('feedback', operation);

/** Feedback's request/reply operations; the gateway has checked roles, each service method checks the actor's reach. */
@Controller()
export class FeedbackRpcController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly surveys: SurveyService,
    private readonly statistics: StatisticsService,
  ) {}

  @MessagePattern(pattern(ops.submit))
  submit(@Payload() r: SubmitFeedbackRequest): Promise<FeedbackItemView> {
    return this.feedback.submit(r.actor, r.openDayId, r.input);
  }

  @MessagePattern(pattern(ops.record))
  record(@Payload() r: RecordFeedbackRequest): Promise<FeedbackItemView> {
    return this.feedback.record(r.actor, r.openDayId, r.input);
  }

  @MessagePattern(pattern(ops.listMine))
  listMine(@Payload() r: ListMyFeedbackRequest): Promise<FeedbackItemPage> {
    return this.feedback.listMine(r.actor, r.query);
  }

  @MessagePattern(pattern(ops.rate))
  rate(@Payload() r: RateAnswerRequest): Promise<FeedbackItemView> {
    return this.feedback.rate(r.actor, r.feedbackId, r.input);
  }

  @MessagePattern(pattern(ops.listForOpenDay))
  listForOpenDay(@Payload() r: ListOpenDayFeedbackRequest): Promise<FeedbackItemPage> {
    return this.feedback.listForOpenDay(r.actor, r.openDayId, r.query);
  }

  @MessagePattern(pattern(ops.assign))
  assign(@Payload() r: AssignFeedbackRequest): Promise<FeedbackItemView> {
    return this.feedback.assign(r.actor, r.feedbackId, r.input);
  }

  @MessagePattern(pattern(ops.listForDepartment))
  listForDepartment(@Payload() r: ListDepartmentFeedbackRequest): Promise<FeedbackItemPage> {
    return this.feedback.listForDepartment(r.actor, r.query);
  }

  @MessagePattern(pattern(ops.answer))
  answer(@Payload() r: AnswerFeedbackRequest): Promise<FeedbackItemView> {
    return this.feedback.answer(r.actor, r.feedbackId, r.input);
  }

  @MessagePattern(pattern(ops.getSurvey))
  getSurvey(@Payload() r: FeedbackOpenDayRequest): Promise<SurveyView> {
    return this.surveys.get(r.actor, r.openDayId);
  }

  @MessagePattern(pattern(ops.setSurveyQuestions))
  setSurveyQuestions(@Payload() r: SetSurveyQuestionsRequest): Promise<SurveyView> {
    return this.surveys.setQuestions(r.actor, r.openDayId, r.input);
  }

  @MessagePattern(pattern(ops.answerSurvey))
  answerSurvey(@Payload() r: AnswerSurveyRequest): Promise<SurveyResponseView> {
    return this.surveys.answer(r.actor, r.openDayId, r.input);
  }

  @MessagePattern(pattern(ops.surveyResults))
  surveyResults(@Payload() r: FeedbackOpenDayRequest): Promise<SurveyResultsView> {
    return this.surveys.results(r.actor, r.openDayId);
  }

  @MessagePattern(pattern(ops.openDayStatistics))
  openDayStatistics(@Payload() r: FeedbackOpenDayRequest): Promise<StatisticsView> {
    return this.statistics.openDay(r.actor, r.openDayId);
  }

  @MessagePattern(pattern(ops.agencyStatistics))
  agencyStatistics(@Payload() r: AgencyStatisticsRequest): Promise<StatisticsView> {
    return this.statistics.agency(r.actor, r.agencyId, r.query);
  }

  @MessagePattern(pattern(ops.cityStatistics))
  cityStatistics(@Payload() r: CityStatisticsRequest): Promise<StatisticsView> {
    return this.statistics.city(r.actor, r.query);
  }

  @MessagePattern(pattern(ops.fileSummary))
  fileSummary(@Payload() r: FileSummaryRequest): Promise<OpenDaySummaryView> {
    return this.statistics.fileSummary(r.actor, r.openDayId, r.input.text);
  }

  @MessagePattern(pattern(ops.getSummary))
  getSummary(@Payload() r: FeedbackOpenDayRequest): Promise<OpenDaySummaryView> {
    return this.statistics.summary(r.actor, r.openDayId);
  }

  @MessagePattern(pattern(ops.report))
  report(@Payload() r: OpenDayReportRequest): Promise<OpenDayReport> {
    return this.statistics.report(r.actor, r.query);
  }

  @MessagePattern(pattern(ops.openDayFigures))
  openDayFigures(@Payload() r: OpenDayReportRequest): Promise<OpenDayReport> {
    return this.statistics.openDayFigures(r.actor, r.query);
  }
}
