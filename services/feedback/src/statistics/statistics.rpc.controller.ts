import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgencyStatisticsRequest,
  CityStatisticsRequest,
  FeedbackOpenDayRequest,
  FeedbackRpcOperations,
  FileSummaryRequest,
  OpenDayReportRequest,
  type OpenDayReport,
  type OpenDaySummaryView,
  type StatisticsView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { StatisticsService } from './statistics.service';

const ops = FeedbackRpcOperations;
const pattern = (operation: string) => rpcPattern('feedback', operation);

/** Statistics' request/reply operations; the gateway has checked roles, the service checks the actor's reach. */
@Controller()
export class StatisticsRpcController {
  constructor(private readonly statistics: StatisticsService) {}

  @MessagePattern(pattern(ops.openDayStatistics))
  openDayStatistics(@Payload() r: FeedbackOpenDayRequest): Promise<StatisticsView> {
    return this.statistics.openDay(r.actor, r.openDayId);
  }

  @MessagePattern(pattern(ops.agencyStatistics))
  agencyStatistics(@Payload() r: AgencyStatisticsRequest): Promise<StatisticsView> {
    return this.statistics.agency(r.actor, r.agencyId, r.query);
  }

  @MessagePattern(pattern(ops.cityStatistics))
  cityStatistics(@Payload() r: CityStatisticsRequest): Promise<StatisticsView> {
    return this.statistics.city(r.actor, r.query);
  }

  @MessagePattern(pattern(ops.fileSummary))
  fileSummary(@Payload() r: FileSummaryRequest): Promise<OpenDaySummaryView> {
    return this.statistics.fileSummary(r.actor, r.openDayId, r.input.text);
  }

  @MessagePattern(pattern(ops.getSummary))
  getSummary(@Payload() r: FeedbackOpenDayRequest): Promise<OpenDaySummaryView> {
    return this.statistics.summary(r.actor, r.openDayId);
  }

  @MessagePattern(pattern(ops.report))
  report(@Payload() r: OpenDayReportRequest): Promise<OpenDayReport> {
    return this.statistics.report(r.actor, r.query);
  }

  @MessagePattern(pattern(ops.openDayFigures))
  openDayFigures(@Payload() r: OpenDayReportRequest): Promise<OpenDayReport> {
    return this.statistics.openDayFigures(r.actor, r.query);
  }
}
