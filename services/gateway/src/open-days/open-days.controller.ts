import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ListOpenDaysRequest,
  OpenDayIdRequest,
  RpcOperations,
  type OpenDayView,
  type Page,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { OpenDayDto, OpenDayPageDto } from './open-day.dto';
import { Access } from '../access/access.decorator';

/**
 * Registration's copy of the published open days, the listing citizens apply
 * from. Open days are only made by filing a plan (`/api/v1/plans`).
 */
@ApiTags('open days')
@Controller('api/v1/open-days')
export class OpenDaysController {
  constructor(private readonly rpc: RpcClient) {}

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
