import { runService } from '@openday/platform';
import { NotificationConfig } from './notification.config';
import { NotificationModule } from './notification.module';
import { notificationDatabase } from './notification.database';

void runService({
  service: 'notification',
  configClass: NotificationConfig,
  database: notificationDatabase,
  rootModule: (config) => NotificationModule.forRoot(config),
  answersRequests: true,
});
