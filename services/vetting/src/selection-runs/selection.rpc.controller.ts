import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideRequest,
  ListApplicantsRequest,
  ListFlaggedRequest,
  ListJointReviewOpenDaysRequest,
  LotteryVerificationInput,
  OpenDayActionRequest,
  PublicNoticeRequest,
  SignRequest,
  VettingRpcOperations,
  type DecisionsResult,
  type FlaggedApplicationPage,
  type JointReviewOpenDayPage,
  type JointReviewView,
  type LotteryVerificationView,
  type PublicNoticeView,
  type SelectionResultView,
  type VettingApplicantPage,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { JointReviewService } from '../joint-review/joint-review.service';
import { SelectionQueries } from '../public-notice/selection-queries.service';
import { SelectionGroupService } from './selection-group.service';

const ops = VettingRpcOperations;

@Controller()
export class SelectionRpcController {
  constructor(
    private readonly group: SelectionGroupService,
    private readonly jointReview: JointReviewService,
    private readonly queries: SelectionQueries,
  ) {}

  @MessagePattern(rpcPattern('vetting', ops.listApplicants))
  listApplicants(@Payload() request: ListApplicantsRequest): Promise<VettingApplicantPage> {
    return this.queries.listApplicants(request.actor, request.openDayId, request.query);
  }

  @MessagePattern(rpcPattern('vetting', ops.decide))
  decide(@Payload() request: DecideRequest): Promise<DecisionsResult> {
    return this.group.decide(request.actor, request.openDayId, request.input);
  }

  @MessagePattern(rpcPattern('vetting', ops.complete))
  complete(@Payload() request: OpenDayActionRequest): Promise<{ completedSessions: string[] }> {
    return this.group.complete(request.actor, request.openDayId);
  }

  @MessagePattern(rpcPattern('vetting', ops.result))
  result(@Payload() request: OpenDayActionRequest): Promise<SelectionResultView> {
    return this.queries.result(request.actor, request.openDayId);
  }

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

  @MessagePattern(rpcPattern('vetting', ops.publicNotice))
  publicNotice(@Payload() request: PublicNoticeRequest): Promise<PublicNoticeView> {
    return this.queries.publicNotice(request.openDayId);
  }

  @MessagePattern(rpcPattern('vetting', ops.verifyLottery))
  verifyLottery(@Payload() request: LotteryVerificationInput): LotteryVerificationView {
    return this.queries.verifyLottery(request);
  }

  @MessagePattern(rpcPattern('vetting', ops.flagged))
  flagged(@Payload() request: ListFlaggedRequest): Promise<FlaggedApplicationPage> {
    return this.queries.flagged(request.actor, request.query);
  }
}
