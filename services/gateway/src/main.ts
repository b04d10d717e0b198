import { runService } from '@openday/platform';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { gatewayDatabase } from './gateway.database';
import { mountApiDocs } from './api-docs/api-docs';

void runService({
  service: 'gateway',
  configClass: GatewayConfig,
  database: gatewayDatabase,
  rootModule: (config) => GatewayModule.forRoot(config),
  answersRequests: false,
  configure: (app) => mountApiDocs(app),
});
