import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { SignInCodeSubscriber } from './sign-in-code.subscriber';

/** One-time sign-in codes, sent as they are requested. */
@Module({
  imports: [DeliveriesModule],
  providers: [SignInCodeSubscriber],
})
export class SignInModule {}
