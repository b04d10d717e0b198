import { Module } from '@nestjs/common';
import { OpenDayChangesModule } from '../open-day-changes/open-day-changes.module';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { OpenDayEventsSubscriber } from './open-day-events.subscriber';

/** Scheduling's open days: published, changed, cancelled and ended. */
@Module({
  imports: [SelectionRunsModule, OpenDayChangesModule],
  providers: [OpenDayEventsSubscriber],
})
export class OpenDaysModule {}
