import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListInboxRequest,
  NotificationRpcOperations,
  ReadInboxMessageRequest,
  type InboxMessageView,
  type InboxPage,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { InboxService } from './inbox.service';

const ops = NotificationRpcOperations;

@Controller()
export class InboxRpcController {
  constructor(private readonly inbox: InboxService) {}

  @MessagePattern(rpcPattern('notification', ops.listInbox))
  listInbox(@Payload() request: ListInboxRequest): Promise<InboxPage> {
    return this.inbox.list(request.actor, request.query);
  }

  @MessagePattern(rpcPattern('notification', ops.readInboxMessage))
  readInboxMessage(@Payload() request: ReadInboxMessageRequest): Promise<InboxMessageView> {
    return this.inbox.markRead(request.actor, request.messageId);
  }
}
