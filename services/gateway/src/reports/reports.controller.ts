import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  FeedbackRpcOperations,
  OpenDayReportQuery,
  OpenDaySummaryInput,
  StatisticsQuery,
  type Actor,
  type OpenDayReport,
  type OpenDaySummaryView,
  type StatisticsView,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { Audited } from '../audit/audited.interceptor';
import { OpenDayIdParams } from '../feedback/feedback.dto';
import { reportCsv, reportXlsx } from './report-render';
import { AgencyIdParams, OpenDayReportDto, OpenDaySummaryDto, StatisticsDto, SummaryDoc } from './reports.dto';

const ops = FeedbackRpcOperations;

interface FileResponse {
  setHeader(name: string, value: string): void;
}

/** Counts for dashboards (boards per open day, agency and city, by month and by agency, and the open days behind a bar), the agencies' summaries and the city-wide table (JSON, CSV, XLSX), from the feedback service. */
@ApiTags('statistics and reports')
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('statistics/open-days')
  @Access('agency-admin', 'agency-staff', 'city-office')
  @ApiOperation({
    summary: 'The open days behind a board’s bar, with their figures (filters: agencyId, month YYYY-MM, year YYYY)',
    description: 'Agency admin and staff name their own agency; the city office any agency, or none for the whole city. The same rows as the city-wide table.',
  })
  @ApiNotFoundResponse({ description: 'Not an agency of yours, or no agencyId for agency staff (problem+json).' })
  @ApiOkResponse({ type: OpenDayReportDto })
  openDayFigures(@Query() query: OpenDayReportQuery, @CurrentActor() actor: Actor): Promise<OpenDayReport> {
    return this.rpc.call('feedback', ops.openDayFigures, { actor, query });
  }

  @Get('statistics/open-days/:id')
  @Access('agency-admin', 'agency-staff', 'city-office')
  @ApiOperation({
    summary: 'Figures of one open day: applications, selected, tickets, checked in, no-shows; feedback collected, assigned, answered, solved, overdue (now and ever), satisfaction, rating',
  })
  @ApiNotFoundResponse({ description: 'No such open day of your agency (problem+json).' })
  @ApiOkResponse({ type: StatisticsDto })
  openDay(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<StatisticsView> {
    return this.rpc.call('feedback', ops.openDayStatistics, { actor, openDayId: params.id });
  }

  @Get('statistics/agencies/:agencyId')
  @Access('agency-admin', 'agency-staff', 'city-office')
  @ApiOperation({ summary: 'Figures of an agency’s open days (of a year, by first session, or all), in total and by month' })
  @ApiNotFoundResponse({ description: 'Not an agency of yours (problem+json).' })
  @ApiOkResponse({ type: StatisticsDto })
  agency(@Param() params: AgencyIdParams, @Query() query: StatisticsQuery, @CurrentActor() actor: Actor): Promise<StatisticsView> {
    return this.rpc.call('feedback', ops.agencyStatistics, { actor, agencyId: params.agencyId, query });
  }

  @Get('statistics/city')
  @Access('city-office')
  @ApiOperation({ summary: 'City-wide figures (of a year, by first session, or all), in total, by month and by agency' })
  @ApiOkResponse({ type: StatisticsDto })
  city(@Query() query: StatisticsQuery, @CurrentActor() actor: Actor): Promise<StatisticsView> {
    return this.rpc.call('feedback', ops.cityStatistics, { actor, query });
  }

  @Put('open-days/:id/summary')
  @Access('agency-admin')
  @Audited('open-day.summary-filed', { targetType: 'open-day', targetId: 'param:id', agencyId: 'result:agencyId' })
  @ApiOperation({ summary: 'File (or refile) the agency’s summary of an ended open day; its figures and attendance are taken now' })
  @ApiBody({ type: SummaryDoc })
  @ApiConflictResponse({ description: 'The open day has not ended yet (problem+json).' })
  @ApiOkResponse({ type: OpenDaySummaryDto })
  fileSummary(@Param() params: OpenDayIdParams, @Body() input: OpenDaySummaryInput, @CurrentActor() actor: Actor): Promise<OpenDaySummaryView> {
    return this.rpc.call('feedback', ops.fileSummary, { actor, openDayId: params.id, input });
  }

  @Get('open-days/:id/summary')
  @Access('agency-admin', 'agency-staff', 'city-office')
  @ApiOperation({ summary: 'The agency’s summary of an open day, with the figures as filed' })
  @ApiOkResponse({ type: OpenDaySummaryDto })
  summary(@Param() params: OpenDayIdParams, @CurrentActor() actor: Actor): Promise<OpenDaySummaryView> {
    return this.rpc.call('feedback', ops.getSummary, { actor, openDayId: params.id });
  }

  @Get('reports/open-days')
  @Access('city-office')
  @ApiOperation({ summary: 'The city-wide table of open days with their figures (filters: month YYYY-MM, year YYYY, agencyId)' })
  @ApiOkResponse({ type: OpenDayReportDto })
  report(@Query() query: OpenDayReportQuery, @CurrentActor() actor: Actor): Promise<OpenDayReport> {
    return this.rpc.call('feedback', ops.report, { actor, query });
  }

  @Get('reports/open-days.csv')
  @Access('city-office')
  @ApiOperation({ summary: 'The city-wide table as CSV (UTF-8, header row)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file, as an attachment.', content: { 'text/csv': { schema: { type: 'string' } } } })
  async reportCsv(@Query() query: OpenDayReportQuery, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FileResponse): Promise<string> {
    const { rows } = await this.rpc.call<OpenDayReport>('feedback', ops.report, { actor, query });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${fileName(query)}.csv"`);
    return reportCsv(rows);
  }

  @Get('reports/open-days.xlsx')
  @Access('city-office')
  @ApiOperation({ summary: 'The city-wide table as an Excel workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The workbook, as an attachment.',
    content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
  })
  async reportXlsx(@Query() query: OpenDayReportQuery, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { rows } = await this.rpc.call<OpenDayReport>('feedback', ops.report, { actor, query });
    return new StreamableFile(await reportXlsx(rows), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${fileName(query)}.xlsx"`,
    });
  }
}

/** e.g. open-days-2026-11-water-affairs-bureau: only validated codes, years and months, safe in a header. */
function fileName(query: OpenDayReportQuery): string {
  return ['open-days', query.year, query.month, query.agencyId].filter(Boolean).join('-');
}
