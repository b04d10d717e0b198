import { runService } from '@openday/platform';
import { SchedulingConfig } from './scheduling.config';
import { SchedulingModule } from './scheduling.module';
import { schedulingDatabase } from './scheduling.database';

void runService({
  service: 'scheduling',
  configClass: SchedulingConfig,
  database: schedulingDatabase,
  rootModule: (config) => SchedulingModule.forRoot(config),
  answersRequests: true,
});
