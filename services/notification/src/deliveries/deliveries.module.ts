import { Module } from '@nestjs/common';
import { ClockModule, SERVICE_CONFIG } from '@openday/platform';
import { EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import { ContactsModule } from '../contacts/contacts.module';
import type { NotificationConfig } from '../notification.config';
import { parseQuietHours } from '../reminders/quiet-hours';
import { DeliveriesRpcController } from './deliveries.rpc.controller';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryService } from './delivery.service';
import { Dispatcher } from './dispatcher';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';

/** Every message the platform sends goes through here: dispatch, the channels, retries and the delivery log. */
@Module({
  imports: [ClockModule.fromEnvironment('NOTIFICATION_TEST_NOW'), ContactsModule],
  controllers: [DeliveriesRpcController],
  providers: [
    {
      provide: NOTIFICATION_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: NotificationConfig): NotificationSettings => ({
        maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
        retryBaseMs: config.DELIVERY_RETRY_BASE_MS,
        contactWaitMinutes: config.CONTACT_WAIT_MINUTES,
        quietHours: parseQuietHours(config.QUIET_HOURS),
        reminders: { dayBeforeAt: config.REMINDER_DAY_BEFORE_AT, hoursBefore: config.SECOND_REMINDER_HOURS_BEFORE },
      }),
    },
    Dispatcher,
    SmsSender,
    EmailSender,
    DeliveryService,
    DeliveryLogService,
  ],
  exports: [NOTIFICATION_SETTINGS, Dispatcher, DeliveryService],
})
export class DeliveriesModule {}
