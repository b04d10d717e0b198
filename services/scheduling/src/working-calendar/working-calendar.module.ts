import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { WorkingCalendarRpcController } from './working-calendar.rpc.controller';
import { WorkingCalendarService } from './working-calendar.service';

@Module({
  imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW')],
  controllers: [WorkingCalendarRpcController],
  providers: [WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class WorkingCalendarModule {}
