import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnswerFeedbackRequest,
  AssignFeedbackRequest,
  FeedbackRpcOperations,
  ListDepartmentFeedbackRequest,
  ListMyFeedbackRequest,
  ListOpenDayFeedbackRequest,
  RateAnswerRequest,
  RecordFeedbackRequest,
  SubmitFeedbackRequest,
  type FeedbackItemPage,
  type FeedbackItemView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { FeedbackService } from './feedback.service';

const ops = FeedbackRpcOperations;
const pattern = (operation: string) => rpcPattern('feedback', operation);

/** Feedback items' request/reply operations; the gateway has checked roles, each service method checks the actor's reach. */
@Controller()
export class FeedbackRpcController {
  constructor(private readonly feedback: FeedbackService) {}

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
}
