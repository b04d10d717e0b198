import { runService } from '@openday/platform';
import { RegistrationConfig } from './registration.config';
import { RegistrationModule } from './registration.module';
import { registrationDatabase } from './registration.database';

void runService({
  service: 'registration',
  configClass: RegistrationConfig,
  database: registrationDatabase,
  rootModule: (config) => RegistrationModule.forRoot(config),
  answersRequests: true,
});
