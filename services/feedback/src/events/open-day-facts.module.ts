import { Module } from '@nestjs/common';
import { ApplicationsSubscriber, SchedulingEventsSubscriber, SelectionsSubscriber, TicketIssuedSubscriber } from './subscribers';

/** The facts feedback keeps from other services' events: open days, tickets, check-ins, applications and selections. */
@Module({
  providers: [TicketIssuedSubscriber, SchedulingEventsSubscriber, ApplicationsSubscriber, SelectionsSubscriber],
})
export class OpenDayFactsModule {}
