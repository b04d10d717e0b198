import { Module } from '@nestjs/common';
import { WorkingCalendarCopyModule } from '@openday/platform';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { AnswerDeadlineService } from './answer-deadline.service';

/** The 2-working-day answer rule: applicants still without an answer when the deadline passes are flagged to the city office. */
@Module({
  imports: [SelectionRunsModule, WorkingCalendarCopyModule],
  providers: [AnswerDeadlineService],
  exports: [AnswerDeadlineService],
})
export class AnswerDeadlineModule {}
