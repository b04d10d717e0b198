import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  OpenDayChangeListQuery,
  PlanOperations,
  type Actor,
  type ApproveOpenDayChangeRequest,
  type ListOpenDayChangesRequest,
  type OpenDayChangePage,
  type OpenDayChangeView,
  type ReturnOpenDayChangeRequest,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { Audited } from '../audit/audited.interceptor';
import { ApproveOpenDayChangeBody, OpenDayChangeDto, OpenDayChangeIdParams, OpenDayChangePageDto, ReturnOpenDayChangeBody } from './open-day-change.dto';

/**
 * Changes to published open days filed with the city office (filed under
 * /plans/{id}/open-day/changes). Scheduling owns the rules and who may see
 * what: the city office every agency's changes, an agency its own.
 */
@ApiTags('plans')
@Controller('api/v1/open-day-changes')
@Access('agency-staff', 'agency-admin', 'city-office')
@ApiBadRequestResponse({ description: 'Invalid fields, each named with field and rule (problem+json).' })
@ApiNotFoundResponse({ description: 'No such change, or another agency’s (problem+json).' })
export class OpenDayChangesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Filed changes: every agency’s for the city office, the agency’s own otherwise; `submitted` lists the oldest first' })
  @ApiOkResponse({ type: OpenDayChangePageDto })
  list(@Query() query: OpenDayChangeListQuery, @CurrentActor() actor: Actor): Promise<OpenDayChangePage> {
    const payload: ListOpenDayChangesRequest = { actor, query };
    return this.rpc.call('scheduling', PlanOperations.listOpenDayChanges, payload);
  }

  @Post(':changeId/approve')
  @Access('city-office')
  @Audited('open-day-change.approved', { targetType: 'open-day-change', targetId: 'param:changeId', agencyId: 'result:agencyId' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a filed change: it takes effect (open-day-changed)',
    description: 'Re-checked now: too late is refused with 422 changeLeadTime; places taken since filing with 409 capacityBelowPlacesTaken or releasableTicket.',
  })
  @ApiBody({ type: ApproveOpenDayChangeBody, required: false })
  @ApiOkResponse({ type: OpenDayChangeDto })
  @ApiConflictResponse({ description: 'The change is no longer waiting, or the places taken no longer allow it (problem+json).' })
  @ApiUnprocessableEntityResponse({ description: 'Too late for the change now (problem+json).' })
  approve(@Param() params: OpenDayChangeIdParams, @Body() body: ApproveOpenDayChangeBody, @CurrentActor() actor: Actor): Promise<OpenDayChangeView> {
    const payload: ApproveOpenDayChangeRequest = { actor, changeId: params.changeId, ...(body.comments ? { comments: body.comments } : {}) };
    return this.rpc.call('scheduling', PlanOperations.approveOpenDayChange, payload);
  }

  @Post(':changeId/return')
  @Access('city-office')
  @Audited('open-day-change.returned', { targetType: 'open-day-change', targetId: 'param:changeId', agencyId: 'result:agencyId' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a filed change to its agency with comments; the open day stays as it is' })
  @ApiOkResponse({ type: OpenDayChangeDto })
  @ApiConflictResponse({ description: 'The change is no longer waiting (problem+json).' })
  returnChange(@Param() params: OpenDayChangeIdParams, @Body() body: ReturnOpenDayChangeBody, @CurrentActor() actor: Actor): Promise<OpenDayChangeView> {
    const payload: ReturnOpenDayChangeRequest = { actor, changeId: params.changeId, comments: body.comments };
    return this.rpc.call('scheduling', PlanOperations.returnOpenDayChange, payload);
  }
}
