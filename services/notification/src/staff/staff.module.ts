import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { StaffContactsSubscriber } from './staff-contacts.subscriber';
import { StaffDirectory } from './staff-directory';
import { FeedbackAssignedNoticesSubscriber, FlaggedApplicationNoticesSubscriber, PlanFilingNoticesSubscriber } from './staff-notices.subscriber';

/** Staff are told what waits for them: the directory of staff recipients and the rules of who is told what. */
@Module({
  imports: [ContactsModule, DeliveriesModule],
  providers: [StaffDirectory, StaffContactsSubscriber, PlanFilingNoticesSubscriber, FlaggedApplicationNoticesSubscriber, FeedbackAssignedNoticesSubscriber],
})
export class StaffModule {}
