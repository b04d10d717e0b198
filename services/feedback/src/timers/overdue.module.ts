import { Module } from '@nestjs/common';
import { ClockModule, WorkingCalendarCopyModule } from '@openday/platform';
import { FeedbackItemsModule } from '../feedback/feedback-items.module';
import { OverduePoller } from './overdue.poller';
import { OverdueService } from './overdue.service';

/** Opinions past their due date, chased every few working days. */
@Module({
  imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW'), WorkingCalendarCopyModule, FeedbackItemsModule],
  providers: [OverdueService, OverduePoller],
})
export class OverdueModule {}
