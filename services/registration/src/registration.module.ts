import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { RegistrationConfig } from './registration.config';
import { registrationDatabase } from './registration.database';
import { PublishedOpenDaysModule } from './published-open-days/published-open-days.module';
import { ApplicationsModule } from './applications/applications.module';
import { SelectionOutcomesModule } from './selection-outcomes/selection-outcomes.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export.module';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class RegistrationModule {
  static forRoot(config: RegistrationConfig): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [
        ServiceCoreModule.forRoot({ service: 'registration', config, database: registrationDatabase }),
        PublishedOpenDaysModule,
        ApplicationsModule,
        SelectionOutcomesModule,
        PersonalDataExportModule,
        PersonalDataErasureModule,
        RetentionModule,
      ],
    };
  }
}
