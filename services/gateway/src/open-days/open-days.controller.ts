import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOpenDayRequest,
  ListOpenDaysRequest,
  OpenDayIdRequest,
  RpcOperations,
  type OpenDayView,
  type Page,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { OpenDayDto, OpenDayPageDto } from './open-day.dto';

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
  @ApiCreatedResponse({ type: OpenDayDto })
  async create(@Body() body: CreateOpenDayRequest, @Res({ passthrough: true }) res: LocationSetter): Promise<OpenDayView> {
    const created = await this.rpc.call<OpenDayView>('scheduling', RpcOperations.scheduling.createOpenDay, body);
    res.location(`/api/v1/open-days/${created.id}`);
    return created;
  }

  @Get()
  @ApiOkResponse({ type: OpenDayPageDto })
  list(@Query() query: ListOpenDaysRequest): Promise<Page<OpenDayView>> {
    return this.rpc.call('registration', RpcOperations.registration.listPublishedOpenDays, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OpenDayDto })
  get(@Param() params: OpenDayIdRequest): Promise<OpenDayView> {
    return this.rpc.call('registration', RpcOperations.registration.getPublishedOpenDay, params);
  }
}
