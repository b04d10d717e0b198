import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { AdmissionModule } from '../admission/admission.module';
import { WorkingCalendarModule } from '../working-calendar/working-calendar.module';
import { OpenDayChangesRpcController } from './open-day-changes.rpc.controller';
import { OpenDayChangesService } from './open-day-changes.service';

/** Changes to published open days, filed with the city office (releasing places through admission). */
@Module({
  imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW'), WorkingCalendarModule, AdmissionModule],
  controllers: [OpenDayChangesRpcController],
  providers: [OpenDayChangesService],
})
export class OpenDayChangesModule {}
