import { Module } from '@nestjs/common';
import { ClockModule, SERVICE_CONFIG, WorkingCalendarCopyModule } from '@openday/platform';
import type { FeedbackConfig } from '../feedback.config';
import { ApplicationsSubscriber, SchedulingEventsSubscriber, SelectionsSubscriber, TicketIssuedSubscriber } from '../events/subscribers';
import { StatisticsService } from '../statistics/statistics.service';
import { SurveyService } from '../surveys/survey.service';
import { OverdueService } from '../timers/overdue.service';
import { OverduePoller } from '../timers/overdue.poller';
import { FeedbackRpcController } from './feedback.rpc.controller';
import { FeedbackService } from './feedback.service';
import { FEEDBACK_SETTINGS, type FeedbackSettings } from './settings';

/** Opinions, surveys, assignment, answers, ratings, chasing, statistics and summaries. */
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
    SurveyService,
    StatisticsService,
    OverdueService,
    OverduePoller,
    TicketIssuedSubscriber,
    SchedulingEventsSubscriber,
    ApplicationsSubscriber,
    SelectionsSubscriber,
  ],
})
export class FeedbackFeaturesModule {}
