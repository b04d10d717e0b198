import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  CalendarChangeInput,
  CalendarOperations,
  CalendarQuery,
  FilingDeadlineQuery,
  type CalendarCoverageView,
  type ChangeCalendarRequest,
  type FilingDeadlineView,
  type WorkingCalendarView,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import type { Actor } from '@openday/contracts';
import { CurrentActor } from '../access/current-actor';
import { CalendarChangeBodyDoc, CalendarCoverageDto, FilingDeadlineDto, WorkingCalendarDto } from './calendar.dto';

/** The working-day calendar kept by scheduling: anyone reads it; the city office keeps it. */
@ApiTags('working-day calendar')
@Controller('api/v1/working-calendar')
export class CalendarController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Holidays and adjusted working days of the covered years (or one year)' })
  @ApiOkResponse({ type: WorkingCalendarDto })
  get(@Query() query: CalendarQuery): Promise<WorkingCalendarView> {
    return this.rpc.call('scheduling', CalendarOperations.get, query);
  }

  @Get('filing-deadline')
  @Access.public()
  @ApiOperation({ summary: 'The last date a plan for an event on eventDate is filed on time (5 working days before)' })
  @ApiOkResponse({ type: FilingDeadlineDto })
  @ApiUnprocessableEntityResponse({ description: 'The calendar does not cover that year yet (problem+json).' })
  filingDeadline(@Query() query: FilingDeadlineQuery): Promise<FilingDeadlineView> {
    return this.rpc.call('scheduling', CalendarOperations.filingDeadline, query);
  }

  @Get('coverage')
  @Access('city-office')
  @ApiOperation({
    summary: 'Which years the city office must add (city office to-do)',
    description: 'From 1 November the next year must be covered too; the current year missing is urgent.',
  })
  @ApiOkResponse({ type: CalendarCoverageDto })
  coverage(): Promise<CalendarCoverageView> {
    return this.rpc.call('scheduling', CalendarOperations.coverage, {});
  }

  @Post('changes')
  @Access('city-office')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a year or correct days (city office)', description: 'Answers the calendar as it is afterwards.' })
  @ApiBody({ type: CalendarChangeBodyDoc })
  @ApiOkResponse({ type: WorkingCalendarDto })
  @ApiBadRequestResponse({ description: 'Each invalid entry named with field and rule (problem+json).' })
  change(@Body() change: CalendarChangeInput, @CurrentActor() actor: Actor): Promise<WorkingCalendarView> {
    const payload: ChangeCalendarRequest = { actor, change };
    return this.rpc.call('scheduling', CalendarOperations.change, payload);
  }
}
