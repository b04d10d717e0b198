import { Module } from '@nestjs/common';
import { ClockModule, SERVICE_CONFIG, WorkingCalendarCopyModule } from '@openday/platform';
import type { FeedbackConfig } from '../feedback.config';
import { FeedbackRpcController } from './feedback.rpc.controller';
import { FeedbackService } from './feedback.service';
import { FEEDBACK_SETTINGS, type FeedbackSettings } from './settings';

/** Opinions: submitted or recorded, assigned with a working-day due date, answered and rated. */
@Module({
  imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW'), WorkingCalendarCopyModule],
  controllers: [FeedbackRpcController],
  providers: [
    {
      provide: FEEDBACK_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: FeedbackConfig): FeedbackSettings => ({
        answerWorkingDays: config.ANSWER_DUE_WORKING_DAYS,
        chaseEveryWorkingDays: config.CHASE_EVERY_WORKING_DAYS,
      }),
    },
    FeedbackService,
  ],
  exports: [FEEDBACK_SETTINGS],
})
export class FeedbackItemsModule {}
