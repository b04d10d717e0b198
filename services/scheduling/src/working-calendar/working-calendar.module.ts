import { Module } from '@nestjs/common';
import { WorkingCalendarRpcController } from './working-calendar.rpc.controller';
import { WorkingCalendarService } from './working-calendar.service';

@Module({
  controllers: [WorkingCalendarRpcController],
  providers: [WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class WorkingCalendarModule {}
