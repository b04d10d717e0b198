import { runService } from '@openday/platform';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { gatewayDatabase } from './gateway.database';
import { mountApiDocs } from './api-docs/api-docs';
import { DEFAULT_PORTAL_DIR, servePortal } from './portal/portal';
import { secureHeaders } from './hardening/security-headers';
import { adminCreateCommand } from './admin/admin-create.command';

void runService({
  service: 'gateway',
  configClass: GatewayConfig,
  database: gatewayDatabase,
  rootModule: (config) => GatewayModule.forRoot(config),
  answersRequests: false,
  commands: { 'admin:create': adminCreateCommand },
  configure: (app, config) => {
    secureHeaders(app);
    servePortal(app, config.PORTAL_DIR ?? DEFAULT_PORTAL_DIR);
    mountApiDocs(app);
  },
});
