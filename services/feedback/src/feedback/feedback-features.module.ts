import { Module } from '@nestjs/common';
import { ClockModule, SERVICE_CONFIG } from '@openday/platform';
import { officialCalendar } from '@openday/domain';
import type { FeedbackConfig } from '../feedback.config';
import { ApplicationsSubscriber, SchedulingEventsSubscriber, SelectionsSubscriber, TicketIssuedSubscriber } from '../events/subscribers';
import { StatisticsService } from '../statistics/statistics.service';
import { SurveyService } from '../surveys/survey.service';
import { OverdueService } from '../timers/overdue.service';
import { OverduePoller } from '../timers/overdue.poller';
import { FeedbackRpcController } from './feedback.rpc.controller';
import { FeedbackService } from './feedback.service';
import { FEEDBACK_SETTINGS, WORKING_CALENDAR, type FeedbackSettings } from './settings';

/** Opinions, surveys, assignment, answers, ratings, chasing, statistics and summaries. */
@Module({
  imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW')],
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
    // The State Council's schedule shipped with the platform (scheduling owns the city office's corrections).
    { provide: WORKING_CALENDAR, useFactory: officialCalendar },
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
