import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { ContactsModule } from '../contacts/contacts.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RemindersModule } from '../reminders/reminders.module';
import { OpenDayChangesService } from './open-day-changes.service';
import { OpenDayEventsSubscriber } from './open-day-events.subscriber';
import { TicketMessagesService } from './ticket-messages.service';
import { TicketsSubscriber } from './tickets.subscriber';

/** Tickets and their open days: the ticket message, revocations and the notices of a changed or cancelled day. */
@Module({
  imports: [ClockModule.fromEnvironment('NOTIFICATION_TEST_NOW'), ContactsModule, DeliveriesModule, RemindersModule],
  providers: [TicketMessagesService, OpenDayChangesService, TicketsSubscriber, OpenDayEventsSubscriber],
  exports: [TicketMessagesService],
})
export class TicketsModule {}
