import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListApplicantsRequest,
  ListFlaggedRequest,
  LotteryVerificationInput,
  OpenDayActionRequest,
  PublicNoticeRequest,
  VettingRpcOperations,
  type FlaggedApplicationPage,
  type LotteryVerificationView,
  type PublicNoticeView,
  type SelectionResultView,
  type VettingApplicantPage,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { SelectionQueries } from './selection-queries.service';

const ops = VettingRpcOperations;

@Controller()
export class PublicNoticeRpcController {
  constructor(private readonly queries: SelectionQueries) {}

  @MessagePattern(rpcPattern('vetting', ops.listApplicants))
  listApplicants(@Payload() request: ListApplicantsRequest): Promise<VettingApplicantPage> {
    return this.queries.listApplicants(request.actor, request.openDayId, request.query);
  }

  @MessagePattern(rpcPattern('vetting', ops.result))
  result(@Payload() request: OpenDayActionRequest): Promise<SelectionResultView> {
    return this.queries.result(request.actor, request.openDayId);
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
