import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DeliveriesModule } from './deliveries.module';
import { NotificationWorker } from './notification.worker';

/**
 * The replica's background loops. A module of its own because its housekeeping loop fires reminders and
 * unmatched tickets, and those features dispatch through DeliveriesModule: inside it they would form a cycle.
 */
@Module({
  imports: [DeliveriesModule, RemindersModule, TicketsModule],
  providers: [NotificationWorker],
})
export class NotificationWorkerModule {}
