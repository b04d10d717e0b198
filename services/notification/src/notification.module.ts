import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { NotificationConfig } from './notification.config';
import { notificationDatabase } from './notification.database';
import { ApplicantsModule } from './applicants/applicants.module';
import { ContactsModule } from './contacts/contacts.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { NotificationWorkerModule } from './deliveries/notification-worker.module';
import { FeedbackMessagesModule } from './feedback/feedback-messages.module';
import { InboxModule } from './inbox/inbox.module';
import { RemindersModule } from './reminders/reminders.module';
import { SignInModule } from './sign-in/sign-in.module';
import { TicketsModule } from './tickets/tickets.module';
import { StaffModule } from './staff/staff.module';
import { PersonalDataExportModule } from './personal-data-requests/personal-data-export';
import { PersonalDataErasureModule } from './personal-data-requests/personal-data-erasure';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ServiceCoreModule.forRoot({ service: 'notification', config, database: notificationDatabase }),
        ContactsModule,
        DeliveriesModule,
        NotificationWorkerModule,
        ApplicantsModule,
        TicketsModule,
        RemindersModule,
        SignInModule,
        FeedbackMessagesModule,
        InboxModule,
        StaffModule,
        PersonalDataExportModule,
        PersonalDataErasureModule,
        RetentionModule,
      ],
    };
  }
}
