import { Module } from '@nestjs/common';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { ArrivalDecider } from './arrival-decider';
import { ArrivalDecisionPoller } from './arrival-decision.poller';

/** First-come selection: arrivals whose settle window is over decided, a session at a time under its lock. */
@Module({
  imports: [SelectionRunsModule],
  providers: [ArrivalDecider, ArrivalDecisionPoller],
})
export class FirstComeModule {}
