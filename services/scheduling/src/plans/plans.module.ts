import { Module } from '@nestjs/common';
import { WorkingCalendarModule } from '../working-calendar/working-calendar.module';
import { ClockModule } from '@openday/platform';
import { PlansRpcController } from './plans.rpc.controller';
import { PlansService } from './plans.service';
import { PublicationPoller } from './publication.poller';
import { PublicationService } from './publication.service';

@Module({
  imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW'), WorkingCalendarModule],
  controllers: [PlansRpcController],
  providers: [PlansService, PublicationService, PublicationPoller],
})
export class PlansModule {}
