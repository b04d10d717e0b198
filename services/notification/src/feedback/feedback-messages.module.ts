import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { FeedbackMessagesSubscriber } from './feedback-messages.subscriber';

/** The person who gave feedback is told when it is answered or overdue. */
@Module({
  imports: [DeliveriesModule],
  providers: [FeedbackMessagesSubscriber],
})
export class FeedbackMessagesModule {}
