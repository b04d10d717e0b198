import { Module } from '@nestjs/common';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { ApplicationSubmittedSubscriber } from './application-submitted.subscriber';
import { ApplicationWithdrawnSubscriber } from './application-withdrawn.subscriber';

/** Registration's applications as they arrive and are withdrawn: screened, then placed or queued for selection. */
@Module({
  imports: [SelectionRunsModule],
  providers: [ApplicationSubmittedSubscriber, ApplicationWithdrawnSubscriber],
})
export class ApplicationsModule {}
