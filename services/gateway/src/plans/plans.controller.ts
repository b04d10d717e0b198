import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  CancelOpenDayInput,
  OpenDayChangeInput,
  PlanInput,
  PlanListQuery,
  PlanOperations,
  type ApprovePlanRequest,
  type CancelOpenDayRequest,
  type ChangeOpenDayRequest,
  type CreatePlanRequest,
  type ListPlansRequest,
  type OpenDayChangeView,
  type PlanHistoryEntryView,
  type PlanIdRequest,
  type PlanPage,
  type PlanView,
  type ReturnPlanRequest,
  type UpdatePlanRequest,
} from '@openday/contracts';
import { problem, RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { Audited } from '../audit/audited.interceptor';
import type { Actor } from '@openday/contracts';
import { CurrentActor } from '../access/current-actor';
import {
  ApprovePlanBody,
  CancellationBodyDoc,
  OpenDayChangeBodyDoc,
  PlanBodyDoc,
  PlanDto,
  PlanHistoryEntryDto,
  PlanIdParams,
  PlanPageDto,
  ReturnPlanBody,
} from './plan.dto';
import { OpenDayChangeDto, OpenDayChangeListDto } from './open-day-change.dto';

interface LocationSetter {
  location(url: string): void;
}

const AGENCY = ['agency-staff', 'agency-admin'] as const;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Plans (活动方案) and their filing (审查备案). Scheduling owns the rules and
 * the data and enforces who may do what (agency staff touch only their own
 * agency's plans: 404 otherwise); the gateway checks the shape, names the
 * caller and asks scheduling over NATS.
 */
@ApiTags('plans')
@Controller('api/v1/plans')
@Access(...AGENCY, 'city-office')
@ApiBadRequestResponse({ description: 'Invalid fields or broken plan rules, each named with field and rule (problem+json).' })
@ApiNotFoundResponse({ description: 'No such plan, or another agency’s (problem+json).' })
export class PlansController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(...AGENCY)
  @Idempotent()
  @ApiOperation({ summary: 'Draft a plan for the caller’s agency', description: 'The whole plan is validated: every broken rule is named.' })
  @ApiBody({ type: PlanBodyDoc })
  @ApiCreatedResponse({ type: PlanDto })
  async create(
    @Body() plan: PlanInput,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: LocationSetter,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<PlanView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw problem('invalid-input', {
        detail: 'The request has invalid fields.',
        errors: [{ field: 'Idempotency-Key', rule: 'idempotencyKey', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters' }],
      });
    }
    const payload: CreatePlanRequest = { actor, plan, idempotencyKey };
    const created = await this.rpc.call<PlanView>('scheduling', PlanOperations.create, payload);
    res.location(`/api/v1/plans/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Plans, newest first: an agency’s own, or every agency’s for the city office' })
  @ApiOkResponse({ type: PlanPageDto })
  list(@Query() query: PlanListQuery, @CurrentActor() actor: Actor): Promise<PlanPage> {
    const payload: ListPlansRequest = { actor, query };
    return this.rpc.call('scheduling', PlanOperations.list, payload);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanDto })
  get(@Param() params: PlanIdParams, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.rpc.call('scheduling', PlanOperations.get, idRequest(actor, params));
  }

  @Put(':id')
  @Access(...AGENCY)
  @ApiOperation({ summary: 'Edit a draft or returned plan (the whole plan)' })
  @ApiBody({ type: PlanBodyDoc })
  @ApiOkResponse({ type: PlanDto })
  @ApiConflictResponse({ description: 'The plan is not a draft or returned (problem+json).' })
  update(@Param() params: PlanIdParams, @Body() plan: PlanInput, @CurrentActor() actor: Actor): Promise<PlanView> {
    const payload: UpdatePlanRequest = { ...idRequest(actor, params), plan };
    return this.rpc.call('scheduling', PlanOperations.update, payload);
  }

  @Delete(':id')
  @Access(...AGENCY)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft the city office has never seen' })
  @ApiNoContentResponse()
  async remove(@Param() params: PlanIdParams, @CurrentActor() actor: Actor): Promise<void> {
    await this.rpc.call('scheduling', PlanOperations.delete, idRequest(actor, params));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Who did what to the plan, when, with the city office’s comments' })
  @ApiOkResponse({ type: [PlanHistoryEntryDto] })
  history(@Param() params: PlanIdParams, @CurrentActor() actor: Actor): Promise<PlanHistoryEntryView[]> {
    return this.rpc.call('scheduling', PlanOperations.history, idRequest(actor, params));
  }

  @Post(':id/submit')
  @Access(...AGENCY)
  @HttpCode(200)
  @ApiOperation({
    summary: 'File the plan with the city office',
    description: 'No later than 5 working days before the first session (official calendar, Asia/Shanghai); later is refused with 422 naming the last on-time date.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse({ description: 'Too late, or the calendar lacks the year (problem+json).' })
  submit(@Param() params: PlanIdParams, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.rpc.call('scheduling', PlanOperations.submit, idRequest(actor, params));
  }

  @Post(':id/approve')
  @Access('city-office')
  @Audited('plan.approved', { targetType: 'plan', targetId: 'param:id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve (file) a submitted plan; it is published at its publication time' })
  @ApiBody({ type: ApprovePlanBody, required: false })
  @ApiOkResponse({ type: PlanDto })
  approve(@Param() params: PlanIdParams, @Body() body: ApprovePlanBody, @CurrentActor() actor: Actor): Promise<PlanView> {
    const payload: ApprovePlanRequest = { ...idRequest(actor, params), ...(body.comments ? { comments: body.comments } : {}) };
    return this.rpc.call('scheduling', PlanOperations.approve, payload);
  }

  @Post(':id/return')
  @Access('city-office')
  @Audited('plan.returned', { targetType: 'plan', targetId: 'param:id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a submitted plan to its agency with comments' })
  @ApiOkResponse({ type: PlanDto })
  returnPlan(@Param() params: PlanIdParams, @Body() body: ReturnPlanBody, @CurrentActor() actor: Actor): Promise<PlanView> {
    const payload: ReturnPlanRequest = { ...idRequest(actor, params), comments: body.comments };
    return this.rpc.call('scheduling', PlanOperations.return, payload);
  }

  @Post(':id/open-day/changes')
  @Access(...AGENCY)
  @HttpCode(201)
  @ApiOperation({
    summary: 'File a change to the published open day',
    description:
      'Notices only: applied at once (status applied). Anything else waits for the city office (status submitted). ' +
      'Refused: nothing changed (400), lead time broken (422 changeLeadTime), capacity below places taken without enough released tickets ' +
      '(422 capacityBelowPlacesTaken), a released ticket that cannot be released (422 releasableTicket), another change waiting (409 changePending).',
  })
  @ApiBody({ type: OpenDayChangeBodyDoc })
  @ApiCreatedResponse({ type: OpenDayChangeDto })
  @ApiConflictResponse({ description: 'Another change of this open day waits for review, or the plan is not published (problem+json).' })
  @ApiUnprocessableEntityResponse({ description: 'Too late for the change, or places taken (problem+json naming field and rule).' })
  changeOpenDay(@Param() params: PlanIdParams, @Body() change: OpenDayChangeInput, @CurrentActor() actor: Actor): Promise<OpenDayChangeView> {
    const payload: ChangeOpenDayRequest = { ...idRequest(actor, params), change };
    return this.rpc.call('scheduling', PlanOperations.changeOpenDay, payload);
  }

  @Get(':id/open-day/changes')
  @ApiOperation({ summary: 'The changes filed for the plan’s open day, newest first' })
  @ApiOkResponse({ type: OpenDayChangeListDto })
  listOpenDayChanges(@Param() params: PlanIdParams, @CurrentActor() actor: Actor): Promise<{ items: OpenDayChangeView[] }> {
    return this.rpc.call('scheduling', PlanOperations.listPlanOpenDayChanges, idRequest(actor, params));
  }

  @Post(':id/open-day/cancellation')
  @Access(...AGENCY)
  @Audited('open-day.cancelled', { targetType: 'plan', targetId: 'param:id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the published open day (open-day-cancelled)' })
  @ApiBody({ type: CancellationBodyDoc })
  @ApiOkResponse({ type: PlanDto })
  cancelOpenDay(@Param() params: PlanIdParams, @Body() cancellation: CancelOpenDayInput, @CurrentActor() actor: Actor): Promise<PlanView> {
    const payload: CancelOpenDayRequest = { ...idRequest(actor, params), cancellation };
    return this.rpc.call('scheduling', PlanOperations.cancelOpenDay, payload);
  }
}

function idRequest(actor: Actor, params: PlanIdParams): PlanIdRequest {
  return { actor, planId: params.id };
}
