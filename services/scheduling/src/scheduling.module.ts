import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { SchedulingConfig } from './scheduling.config';
import { schedulingDatabase } from './scheduling.database';
import { PlansModule } from './plans/plans.module';
import { WorkingCalendarModule } from './working-calendar/working-calendar.module';
import { PublicListingModule } from './public-listing/public-listing.module';
import { AdmissionModule } from './admission/admission.module';
import { OpenDayChangesModule } from './open-day-changes/open-day-changes.module';
import { DistrictsModule } from './districts/districts.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class SchedulingModule {
  static forRoot(config: SchedulingConfig): DynamicModule {
    return {
      module: SchedulingModule,
      imports: [
        ServiceCoreModule.forRoot({ service: 'scheduling', config, database: schedulingDatabase }),
        PlansModule,
        WorkingCalendarModule,
        PublicListingModule,
        AdmissionModule,
        OpenDayChangesModule,
        DistrictsModule,
        PersonalDataExportModule,
        PersonalDataErasureModule,
        RetentionModule,
      ],
    };
  }
}
