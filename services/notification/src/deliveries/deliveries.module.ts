import { Module } from '@nestjs/common';
import { ClockModule, SERVICE_CONFIG } from '@openday/platform';
import { RegistrationEventsSubscriber } from '../applicants/registration-events.subscriber';
import { SelectionOutcomesSubscriber } from '../applicants/selection-outcomes.subscriber';
import { SelectionsSubscriber } from '../applicants/selections.subscriber';
import { WithdrawalsSubscriber } from '../applicants/withdrawals.subscriber';
import { EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import { ContactDirectory } from '../contacts/contact-directory';
import { PERSONAL_DATA_CIPHER, personalDataCipherProviders } from '../contacts/personal-data.provider';
import { FeedbackMessagesSubscriber } from '../feedback/feedback-messages.subscriber';
import { InboxService } from '../inbox/inbox.service';
import { NotificationRpcController } from '../inbox/notification.rpc.controller';
import type { NotificationConfig } from '../notification.config';
import { parseQuietHours } from '../reminders/quiet-hours';
import { ReminderService } from '../reminders/reminder.service';
import { SignInCodeSubscriber } from '../sign-in/sign-in-code.subscriber';
import { OpenDayChangesService } from '../tickets/open-day-changes.service';
import { OpenDayEventsSubscriber } from '../tickets/open-day-events.subscriber';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { TicketsSubscriber } from '../tickets/tickets.subscriber';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryService } from './delivery.service';
import { Dispatcher } from './dispatcher';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { NotificationWorker } from './notification.worker';

/** Every message the platform sends: subscribers, dispatch, channels, retries, reminders, inbox and the delivery log. */
@Module({
  imports: [ClockModule.fromEnvironment('NOTIFICATION_TEST_NOW')],
  controllers: [NotificationRpcController],
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
    ...personalDataCipherProviders,
    ContactDirectory,
    Dispatcher,
    SmsSender,
    EmailSender,
    DeliveryService,
    DeliveryLogService,
    InboxService,
    ReminderService,
    TicketMessagesService,
    OpenDayChangesService,
    NotificationWorker,
    SignInCodeSubscriber,
    RegistrationEventsSubscriber,
    SelectionOutcomesSubscriber,
    SelectionsSubscriber,
    WithdrawalsSubscriber,
    TicketsSubscriber,
    OpenDayEventsSubscriber,
    FeedbackMessagesSubscriber,
  ],
  exports: [Dispatcher, PERSONAL_DATA_CIPHER],
})
export class DeliveriesModule {}
