import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListJointReviewOpenDaysRequest,
  OpenDayActionRequest,
  SignRequest,
  VettingRpcOperations,
  type JointReviewOpenDayPage,
  type JointReviewView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { JointReviewService } from './joint-review.service';

const ops = VettingRpcOperations;

@Controller()
export class JointReviewRpcController {
  constructor(private readonly jointReview: JointReviewService) {}

  @MessagePattern(rpcPattern('vetting', ops.jointReviewPending))
  jointReviewPending(@Payload() request: OpenDayActionRequest): Promise<JointReviewView> {
    return this.jointReview.pending(request.actor, request.openDayId);
  }

  @MessagePattern(rpcPattern('vetting', ops.jointReviewOpenDays))
  jointReviewOpenDays(@Payload() request: ListJointReviewOpenDaysRequest): Promise<JointReviewOpenDayPage> {
    return this.jointReview.openDays(request.actor, request.query);
  }

  @MessagePattern(rpcPattern('vetting', ops.jointReviewSign))
  jointReviewSign(@Payload() request: SignRequest): Promise<JointReviewView> {
    return this.jointReview.sign(request.actor, request.openDayId, request.input);
  }
}
