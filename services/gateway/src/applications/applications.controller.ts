import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ApplicationInput,
  ApplicationRpcOperations,
  ListOpenDaysRequest,
  OpenDayIdRequest,
  type ApplicationPage,
  type ApplicationView,
  type ListMyApplicationsRequest,
  type SubmitApplicationRequest,
  type WithdrawApplicationRequest,
} from '@openday/contracts';
import { problem, RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import type { Actor } from '@openday/contracts';
import { CurrentActor } from '../access/current-actor';
import { ApplicationDto, ApplicationIdParams, ApplicationPageDto, applicationBodySchema } from './application.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Citizens apply for open days, see their applications and withdraw them.
 * Registration owns the rules and the data; the gateway validates the shape,
 * names the caller and asks registration over NATS. Citizens only: the
 * access guard answers 401 without a valid token and 403 to other roles.
 */
@ApiTags('applications')
@Controller('api/v1')
@Access('citizen')
export class ApplicationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('open-days/:id/applications')
  @ApiBody({ schema: applicationBodySchema })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried POST with the same key returns the first result.' })
  @ApiCreatedResponse({ type: ApplicationDto })
  submit(
    @Param() params: OpenDayIdRequest,
    @Body() application: ApplicationInput,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ApplicationView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw problem('invalid-input', {
        detail: 'The request has invalid fields.',
        errors: [{ field: 'Idempotency-Key', rule: 'idempotencyKey', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters' }],
      });
    }
    const payload: SubmitApplicationRequest = { actor, openDayId: params.id, application, idempotencyKey };
    return this.rpc.call('registration', ApplicationRpcOperations.submit, payload);
  }

  @Get('me/applications')
  @ApiOkResponse({ type: ApplicationPageDto })
  listMine(@Query() query: ListOpenDaysRequest, @CurrentActor() actor: Actor): Promise<ApplicationPage> {
    const payload: ListMyApplicationsRequest = { actor, ...query };
    return this.rpc.call('registration', ApplicationRpcOperations.listMine, payload);
  }

  @Post('applications/:id/withdrawal')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDto })
  withdraw(@Param() params: ApplicationIdParams, @CurrentActor() actor: Actor): Promise<ApplicationView> {
    const payload: WithdrawApplicationRequest = { actor, applicationId: params.id };
    return this.rpc.call('registration', ApplicationRpcOperations.withdraw, payload);
  }
}
