import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { ReminderService } from './reminder.service';

/** Reminders before an open day, planned per ticket and held back through quiet hours. */
@Module({
  imports: [ClockModule.fromEnvironment('NOTIFICATION_TEST_NOW'), DeliveriesModule],
  providers: [ReminderService],
  exports: [ReminderService],
})
export class RemindersModule {}
