import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@openday/platform';
import { ClockModule, WorkingCalendarCopyModule } from '@openday/platform';
import { OpenDayEventsSubscriber } from '../open-days/open-day-events.subscriber';
import { ApplicationSubmittedSubscriber } from '../applications/application-submitted.subscriber';
import { ApplicationWithdrawnSubscriber } from '../applications/application-withdrawn.subscriber';
import { AttendeeNoShowSubscriber } from '../no-shows/attendee-no-show.subscriber';
import { JointReviewService } from '../joint-review/joint-review.service';
import { SelectionQueries } from '../public-notice/selection-queries.service';
import { AnswerDeadlineService } from '../answer-deadline/answer-deadline.service';
import { TimerService } from '../timers/timer.service';
import { TimerPoller } from '../timers/timer.poller';
import { OpenDayChangeService } from '../open-day-changes/open-day-change.service';
import { ParkedArrivalsFlagger } from '../parked-arrivals/parked-arrivals-flagger';
import { ArrivalDecider } from '../first-come/arrival-decider';
import { ArrivalDecisionPoller } from '../first-come/arrival-decision.poller';
import type { VettingConfig } from '../vetting.config';
import { SelectionLedger } from './selection-ledger';
import { SelectionService } from './selection.service';
import { SelectionGroupService } from './selection-group.service';
import { SelectionRpcController } from './selection.rpc.controller';
import { VETTING_SETTINGS, type VettingSettings } from './records';

/** Screening, selection in every mode, waiting lists, joint review, public notice and the answer rule. */
@Module({
  imports: [ClockModule.fromEnvironment('VETTING_TEST_NOW'), WorkingCalendarCopyModule],
  controllers: [SelectionRpcController],
  providers: [
    {
      provide: VETTING_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: VettingConfig): VettingSettings => ({
        mediaPlacesOutsideQuota: config.MEDIA_PLACES_OUTSIDE_QUOTA,
        noShowLookBackMonths: config.NO_SHOW_LOOK_BACK_MONTHS,
        parkedArrivalFlagAfterMinutes: config.PARKED_ARRIVAL_FLAG_AFTER_MINUTES,
        firstComeSettleMs: config.FIRST_COME_SETTLE_MS,
      }),
    },
    SelectionLedger,
    SelectionService,
    OpenDayChangeService,
    ParkedArrivalsFlagger,
    SelectionGroupService,
    JointReviewService,
    SelectionQueries,
    AnswerDeadlineService,
    TimerService,
    TimerPoller,
    ArrivalDecider,
    ArrivalDecisionPoller,
    OpenDayEventsSubscriber,
    ApplicationSubmittedSubscriber,
    ApplicationWithdrawnSubscriber,
    AttendeeNoShowSubscriber,
  ],
})
export class SelectionRunsModule {}
