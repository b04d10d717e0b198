import { runService } from '@openday/platform';
import { VettingConfig } from './vetting.config';
import { VettingModule } from './vetting.module';
import { vettingDatabase } from './vetting.database';

void runService({
  service: 'vetting',
  configClass: VettingConfig,
  database: vettingDatabase,
  rootModule: (config) => VettingModule.forRoot(config),
  answersRequests: true,
});
