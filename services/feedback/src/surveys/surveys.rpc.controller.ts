import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnswerSurveyRequest,
  FeedbackOpenDayRequest,
  FeedbackRpcOperations,
  SetSurveyQuestionsRequest,
  type SurveyResponseView,
  type SurveyResultsView,
  type SurveyView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { SurveyService } from './survey.service';

const ops = FeedbackRpcOperations;
const pattern = (operation: string) => rpcPattern('feedback', operation);

/** Surveys' request/reply operations; the gateway has checked roles, the service checks the actor's reach. */
@Controller()
export class SurveysRpcController {
  constructor(private readonly surveys: SurveyService) {}

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
}
