import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CityCalendarQuery,
  ListingOperations,
  PublicOpenDayIdRequest,
  PublicOpenDayQuery,
  type CityCalendarView,
  type Page,
  type PublicOpenDayView,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { CityCalendarDto, PublicOpenDayDto, PublicOpenDayPageDto } from './public-open-day.dto';

/** The anonymous public listing and the city-wide calendar, served by scheduling (rate-limited per address). */
@ApiTags('public listing')
@Controller('api/v1/public')
@Access.public()
export class PublicOpenDaysController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('open-days')
  @ApiOperation({
    summary: 'Published open days, soonest first',
    description: 'Filters combine: agency, date range, form, district, open for applications now; q searches title and theme (Chinese needs no spaces).',
  })
  @ApiOkResponse({ type: PublicOpenDayPageDto })
  list(@Query() query: PublicOpenDayQuery): Promise<Page<PublicOpenDayView>> {
    return this.rpc.call('scheduling', ListingOperations.list, query);
  }

  @Get('open-days/:id')
  @ApiOkResponse({ type: PublicOpenDayDto })
  @ApiNotFoundResponse({ description: 'No such open day (problem+json).' })
  get(@Param() params: PublicOpenDayIdRequest): Promise<PublicOpenDayView> {
    return this.rpc.call('scheduling', ListingOperations.get, params);
  }

  @Get('calendar')
  @ApiOperation({ summary: 'The city-wide calendar of a month: each day, whether it is a working day, and its open days' })
  @ApiOkResponse({ type: CityCalendarDto })
  calendar(@Query() query: CityCalendarQuery): Promise<CityCalendarView> {
    return this.rpc.call('scheduling', ListingOperations.calendar, query);
  }
}
