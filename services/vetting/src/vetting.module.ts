import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { VettingConfig } from './vetting.config';
import { vettingDatabase } from './vetting.database';
import { SelectionRunsModule } from './selection-runs/selection-runs.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class VettingModule {
  static forRoot(config: VettingConfig): DynamicModule {
    return {
      module: VettingModule,
      imports: [ServiceCoreModule.forRoot({ service: 'vetting', config, database: vettingDatabase }), SelectionRunsModule, PersonalDataExportModule, PersonalDataErasureModule, RetentionModule],
    };
  }
}
