import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { StatisticsRpcController } from './statistics.rpc.controller';
import { StatisticsService } from './statistics.service';

/** Figures per open day, agency and city, summaries and the city-wide table. */
@Module({
  imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW')],
  controllers: [StatisticsRpcController],
  providers: [StatisticsService],
})
export class StatisticsModule {}
