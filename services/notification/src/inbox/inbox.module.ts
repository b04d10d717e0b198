import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { InboxService } from './inbox.service';
import { InboxRpcController } from './notification.rpc.controller';

/** The in-app inbox: a person's messages, listed and marked read. */
@Module({
  imports: [ClockModule.fromEnvironment('NOTIFICATION_TEST_NOW')],
  controllers: [InboxRpcController],
  providers: [InboxService],
})
export class InboxModule {}
