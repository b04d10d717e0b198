import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { FeedbackConfig } from './feedback.config';
import { feedbackDatabase } from './feedback.database';
import { FeedbackItemsModule } from './feedback/feedback-items.module';
import { SurveysModule } from './surveys/surveys.module';
import { StatisticsModule } from './statistics/statistics.module';
import { OverdueModule } from './timers/overdue.module';
import { OpenDayFactsModule } from './events/open-day-facts.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class FeedbackModule {
  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: FeedbackModule,
      imports: [
        ServiceCoreModule.forRoot({ service: 'feedback', config, database: feedbackDatabase }),
        FeedbackItemsModule,
        SurveysModule,
        StatisticsModule,
        OverdueModule,
        OpenDayFactsModule,
        PersonalDataExportModule,
        PersonalDataErasureModule,
        RetentionModule,
      ],
    };
  }
}
