import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { NotificationConfig } from './notification.config';
import { notificationDatabase } from './notification.database';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { StaffModule } from './staff/staff.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [ServiceCoreModule.forRoot({ service: 'notification', config, database: notificationDatabase }), DeliveriesModule, StaffModule, PersonalDataExportModule, PersonalDataErasureModule, RetentionModule],
    };
  }
}
