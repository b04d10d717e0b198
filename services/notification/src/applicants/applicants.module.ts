import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { TicketsModule } from '../tickets/tickets.module';
import { RegistrationEventsSubscriber } from './registration-events.subscriber';
import { SelectionOutcomesSubscriber } from './selection-outcomes.subscriber';
import { SelectionsSubscriber } from './selections.subscriber';
import { WithdrawalsSubscriber } from './withdrawals.subscriber';

/** An applicant's way through vetting, told to them: registered, selected, waitlisted, rejected, withdrawn. */
@Module({
  imports: [ContactsModule, DeliveriesModule, TicketsModule],
  providers: [RegistrationEventsSubscriber, SelectionOutcomesSubscriber, SelectionsSubscriber, WithdrawalsSubscriber],
})
export class ApplicantsModule {}
