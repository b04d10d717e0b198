import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CreateOpenDayRequest,
  ListOpenDaysRequest,
  OpenDayIdRequest,
  RpcOperations,
  type OpenDayView,
  type Page,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { OpenDayDto, OpenDayPageDto } from './open-day.dto';
import { Access } from '../access/access.decorator';
import { assertAgencyVisible } from '../access/agency-scope';
import { CurrentActor } from '../access/current-actor';
import { Idempotent } from '../idempotency/idempotency.interceptor';

interface LocationSetter {
  location(url: string): void;
}

/**
 * Writes go to scheduling (the owner of open days); reads come from
 * registration's copy, the public listing citizens apply from.
 */
@ApiTags('open days')
@Controller('api/v1/open-days')
export class OpenDaysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access('city-office', 'agency-admin', 'agency-staff')
  @Idempotent()
  @ApiCreatedResponse({ type: OpenDayDto })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOpenDayRequest,
    @Res({ passthrough: true }) res: LocationSetter,
  ): Promise<OpenDayView> {
    // Staff create open days for their own agency only; another agency is not found.
    assertAgencyVisible(actor, body.agencyId);
    const created = await this.rpc.call<OpenDayView>('scheduling', RpcOperations.scheduling.createOpenDay, body);
    res.location(`/api/v1/open-days/${created.id}`);
    return created;
  }

  @Get()
  @Access.public()
  @ApiOkResponse({ type: OpenDayPageDto })
  list(@Query() query: ListOpenDaysRequest): Promise<Page<OpenDayView>> {
    return this.rpc.call('registration', RpcOperations.registration.listPublishedOpenDays, query);
  }

  @Get(':id')
  @Access.public()
  @ApiOkResponse({ type: OpenDayDto })
  get(@Param() params: OpenDayIdRequest): Promise<OpenDayView> {
    return this.rpc.call('registration', RpcOperations.registration.getPublishedOpenDay, params);
  }
}
