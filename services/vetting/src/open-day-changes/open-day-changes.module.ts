import { Module } from '@nestjs/common';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { OpenDayChangeService } from './open-day-change.service';

/** A published open day's change, or a revoked ticket, carried through to each session's selection. */
@Module({
  imports: [SelectionRunsModule],
  providers: [OpenDayChangeService],
  exports: [OpenDayChangeService],
})
export class OpenDayChangesModule {}
