import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListDeliveriesRequest,
  ListInboxRequest,
  NotificationRpcOperations,
  ReadInboxMessageRequest,
  type DeliveryPage,
  type InboxMessageView,
  type InboxPage,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { DeliveryLogService } from '../deliveries/delivery-log.service';
import { InboxService } from './inbox.service';

const ops = NotificationRpcOperations;

@Controller()
export class NotificationRpcController {
  constructor(
    private readonly inbox: InboxService,
    private readonly log: DeliveryLogService,
  ) {}

  @MessagePattern(rpcPattern('notification', ops.listInbox))
  listInbox(@Payload() request: ListInboxRequest): Promise<InboxPage> {
    return this.inbox.list(request.actor, request.query);
  }

  @MessagePattern(rpcPattern('notification', ops.readInboxMessage))
  readInboxMessage(@Payload() request: ReadInboxMessageRequest): Promise<InboxMessageView> {
    return this.inbox.markRead(request.actor, request.messageId);
  }

  @MessagePattern(rpcPattern('notification', ops.listDeliveries))
  listDeliveries(@Payload() request: ListDeliveriesRequest): Promise<DeliveryPage> {
    return this.log.list(request.actor, request.query);
  }
}
