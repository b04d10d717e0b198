import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FlaggedQuery,
  ListApplicantsQuery,
  LotteryVerificationInput,
  PageQuery,
  ReviewDecisionsInput,
  SignaturesInput,
  VettingRpcOperations,
  type DecideRequest,
  type DecisionsResult,
  type FlaggedApplicationPage,
  type JointReviewOpenDayPage,
  type JointReviewView,
  type ListApplicantsRequest,
  type ListFlaggedRequest,
  type ListJointReviewOpenDaysRequest,
  type LotteryVerificationView,
  type OpenDayActionRequest,
  type PublicNoticeView,
  type SelectionResultView,
  type SignRequest,
  type VettingApplicantPage,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { Audited, AuditedRead } from '../audit/audited.interceptor';
import type { Actor } from '@openday/contracts';
import { CurrentActor } from '../access/current-actor';
import {
  CompletedSessionsDto,
  DecisionsResultDto,
  FlaggedApplicationPageDto,
  JointReviewDto,
  JointReviewOpenDayPageDto,
  LotteryVerificationDoc,
  LotteryVerificationDto,
  OpenDayIdParams,
  PublicNoticeDto,
  ReviewDecisionsDoc,
  SelectionResultDto,
  SignaturesDoc,
  VettingApplicantPageDto,
} from './selection.dto';

const ops = VettingRpcOperations;
const AGENCY_STAFF = ['agency-staff', 'agency-admin', 'reviewer', 'city-office'] as const;

/**
 * Selection (遴选) at the gateway: vetting owns the rules and the data and keeps agencies
 * apart (another agency's open day answers 404); the gateway checks the shape, names the
 * caller and asks vetting over NATS.
 */
@ApiTags('selection')
@Controller('api/v1')
export class SelectionController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('open-days/:id/applicants')
  @Access(...AGENCY_STAFF)
  @AuditedRead('applicants', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'Screened applicants of an open day, in order of arrival (masked), for its agency’s staff and selection group' })
  @ApiNotFoundResponse({ description: 'No such open day of your agency (problem+json).' })
  @ApiOkResponse({ type: VettingApplicantPageDto })
  listApplicants(@Param() params: OpenDayIdParams, @Query() query: ListApplicantsQuery, @CurrentActor() actor: Actor): Promise<VettingApplicantPage> {
    const payload: ListApplicantsRequest = { actor, openDayId: params.id, query };
    return this.rpc.call('vetting', ops.listApplicants, payload);
  }

  @Post('open-days/:id/selection/decisions')
  @HttpCode(200)
  @Access('reviewer')
  @Audited('selection.decided', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'The selection group selects, waitlists or rejects applicants (bulk, all or nothing)' })
  @ApiBody({ type: ReviewDecisionsDoc })
  @ApiConflictResponse({ description: 'A choice breaks capacity, a quota or the places kept for ordinary citizens; the rule is named (problem+json).' })
  @ApiOkResponse({ type: DecisionsResultDto })
  decide(@Param() params: OpenDayIdParams, @Body() input: ReviewDecisionsInput, @CurrentActor() actor: Actor): Promise<DecisionsResult> {
    const payload: DecideRequest = { actor, openDayId: params.id, input };
    return this.rpc.call('vetting', ops.decide, payload);
  }

  @Post('open-days/:id/selection/completion')
  @HttpCode(200)
  @Access('reviewer')
  @Audited('selection.completed', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'The selection group has chosen: the selection is complete' })
  @ApiOkResponse({ type: CompletedSessionsDto })
  complete(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<{ completedSessions: string[] }> {
    const payload: OpenDayActionRequest = { actor, openDayId: params.id };
    return this.rpc.call('vetting', ops.complete, payload);
  }

  @Get('open-days/:id/selection')
  @Access(...AGENCY_STAFF)
  @AuditedRead('selection', { targetType: 'open-day', targetId: 'param:id', agencyId: 'result:agencyId' })
  @ApiOperation({ summary: 'An open day’s selection result per session: selected, waiting list, shortfall, lottery seed' })
  @ApiOkResponse({ type: SelectionResultDto })
  result(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<SelectionResultView> {
    const payload: OpenDayActionRequest = { actor, openDayId: params.id };
    return this.rpc.call('vetting', ops.result, payload);
  }

  @Get('department/joint-review')
  @Access('department-handler')
  @ApiOperation({
    summary: 'Open days waiting for the caller’s department’s signature (joint review), soonest first',
    description:
      'The open days still to come (a session today or later) that name the caller’s department as co-signing and have selections it has neither signed nor refused, each with their number.',
  })
  @ApiOkResponse({ type: JointReviewOpenDayPageDto })
  jointReviewOpenDays(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<JointReviewOpenDayPage> {
    const payload: ListJointReviewOpenDaysRequest = { actor, query };
    return this.rpc.call('vetting', ops.jointReviewOpenDays, payload);
  }

  @Get('open-days/:id/joint-review')
  @Access('department-handler')
  @AuditedRead('joint-review', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'Selections awaiting the caller’s department’s signature (joint review)' })
  @ApiOkResponse({ type: JointReviewDto })
  jointReview(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<JointReviewView> {
    const payload: OpenDayActionRequest = { actor, openDayId: params.id };
    return this.rpc.call('vetting', ops.jointReviewPending, payload);
  }

  @Post('open-days/:id/joint-review/signatures')
  @HttpCode(200)
  @Access('department-handler')
  @Audited('selection.joint-review-signed', { targetType: 'open-day', targetId: 'param:id' })
  @ApiOperation({ summary: 'The caller’s department signs or refuses (with a reason) selections' })
  @ApiBody({ type: SignaturesDoc })
  @ApiOkResponse({ type: JointReviewDto })
  sign(@Param() params: OpenDayIdParams, @Body() input: SignaturesInput, @CurrentActor() actor: Actor): Promise<JointReviewView> {
    const payload: SignRequest = { actor, openDayId: params.id, input };
    return this.rpc.call('vetting', ops.jointReviewSign, payload);
  }

  @Get('public/open-days/:id/public-notice')
  @Access.public()
  @ApiOperation({ summary: 'The public notice (公示) of the selected representatives, names and ID numbers masked' })
  @ApiOkResponse({ type: PublicNoticeDto })
  @ApiNotFoundResponse({ description: 'No such open day (problem+json).' })
  publicNotice(@Param() params: OpenDayIdParams): Promise<PublicNoticeView> {
    return this.rpc.call('vetting', ops.publicNotice, { openDayId: params.id });
  }

  @Post('public/lottery-verifications')
  @HttpCode(200)
  @Access.public()
  @ApiOperation({ summary: 'Re-run a lottery draw from its published seed and entries: the same order, with each entry’s ticket' })
  @ApiBody({ type: LotteryVerificationDoc })
  @ApiOkResponse({ type: LotteryVerificationDto, description: 'The drawn order.' })
  verifyLottery(@Body() input: LotteryVerificationInput): Promise<LotteryVerificationView> {
    return this.rpc.call('vetting', ops.verifyLottery, input);
  }

  @Get('selection/flagged-applications')
  @Access('city-office')
  @ApiOperation({ summary: 'Applications still unanswered 2 working days after their registration window closed' })
  @ApiOkResponse({ type: FlaggedApplicationPageDto })
  flagged(@Query() query: FlaggedQuery, @CurrentActor() actor: Actor): Promise<FlaggedApplicationPage> {
    const payload: ListFlaggedRequest = { actor, query };
    return this.rpc.call('vetting', ops.flagged, payload);
  }
}
