import { Module } from '@nestjs/common';
import { WorkingCalendarCopySubscriber } from './working-calendar-copy.subscriber';
import { WorkingCalendarSource } from './working-calendar-source';

/** For a service that counts working days: follows scheduling's calendar announcements (needs CREATE_WORKING_CALENDAR_COPY in a migration). */
@Module({
  providers: [WorkingCalendarCopySubscriber, WorkingCalendarSource],
  exports: [WorkingCalendarSource],
})
export class WorkingCalendarCopyModule {}
