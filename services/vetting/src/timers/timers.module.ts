import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { AnswerDeadlineModule } from '../answer-deadline/answer-deadline.module';
import { ParkedArrivalsModule } from '../parked-arrivals/parked-arrivals.module';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { TimerPoller } from './timer.poller';
import { TimerService } from './timer.service';

/** Vetting's timers (registration closed: the draw; answer deadline) and the parked-arrivals flag, polled. */
@Module({
  imports: [ClockModule.fromEnvironment('VETTING_TEST_NOW'), SelectionRunsModule, AnswerDeadlineModule, ParkedArrivalsModule],
  providers: [TimerService, TimerPoller],
})
export class TimersModule {}
