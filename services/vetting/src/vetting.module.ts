import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { VettingConfig } from './vetting.config';
import { vettingDatabase } from './vetting.database';
import { SelectionRunsModule } from './selection-runs/selection-runs.module';
import { ApplicationsModule } from './applications/applications.module';
import { OpenDaysModule } from './open-days/open-days.module';
import { OpenDayChangesModule } from './open-day-changes/open-day-changes.module';
import { NoShowsModule } from './no-shows/no-shows.module';
import { FirstComeModule } from './first-come/first-come.module';
import { AnswerDeadlineModule } from './answer-deadline/answer-deadline.module';
import { ParkedArrivalsModule } from './parked-arrivals/parked-arrivals.module';
import { TimersModule } from './timers/timers.module';
import { JointReviewModule } from './joint-review/joint-review.module';
import { PublicNoticeModule } from './public-notice/public-notice.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class VettingModule {
  static forRoot(config: VettingConfig): DynamicModule {
    return {
      module: VettingModule,
      imports: [
        ServiceCoreModule.forRoot({ service: 'vetting', config, database: vettingDatabase }),
        SelectionRunsModule,
        ApplicationsModule,
        OpenDaysModule,
        OpenDayChangesModule,
        NoShowsModule,
        FirstComeModule,
        AnswerDeadlineModule,
        ParkedArrivalsModule,
        TimersModule,
        JointReviewModule,
        PublicNoticeModule,
        PersonalDataExportModule,
        PersonalDataErasureModule,
        RetentionModule,
      ],
    };
  }
}
