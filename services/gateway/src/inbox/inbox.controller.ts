import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DeliveryLogQuery,
  PageQuery,
  NotificationRpcOperations,
  type Actor,
  type DeliveryPage,
  type InboxMessageView,
  type InboxPage,
  type ListDeliveriesRequest,
  type ListInboxRequest,
  type ReadInboxMessageRequest,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access, STAFF_ROLES } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { DeliveryPageDto, InboxMessageDto, InboxMessageIdParams, InboxPageDto } from './inbox.dto';
import { AuditedRead } from '../audit/audited.interceptor';
import { deliveryRecipientsIn } from '../audit/personal-data-reads';

const ops = NotificationRpcOperations;

/**
 * The in-app inbox and the delivery log, owned by the notification service: a citizen reads
 * their account's messages, staff their agency's (department) inbox; the city office reads
 * the delivery log with addresses masked.
 */
@ApiTags('notifications')
@Controller('api/v1')
export class InboxController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('my/inbox')
  @Access('citizen', ...STAFF_ROLES)
  @ApiOperation({ summary: 'The caller’s in-app messages, newest first: a citizen’s own, staff their agency’s department inbox' })
  @ApiOkResponse({ type: InboxPageDto })
  list(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<InboxPage> {
    const payload: ListInboxRequest = { actor, query };
    return this.rpc.call('notification', ops.listInbox, payload);
  }

  @Post('my/inbox/:messageId/read')
  @HttpCode(200)
  @Access('citizen', ...STAFF_ROLES)
  @ApiOperation({ summary: 'Mark one of the caller’s in-app messages read' })
  @ApiNotFoundResponse({ description: 'No such message in the caller’s inbox (problem+json).' })
  @ApiOkResponse({ type: InboxMessageDto })
  read(@Param() params: InboxMessageIdParams, @CurrentActor() actor: Actor): Promise<InboxMessageView> {
    const payload: ReadInboxMessageRequest = { actor, messageId: params.messageId };
    return this.rpc.call('notification', ops.readInboxMessage, payload);
  }

  @Get('notifications/deliveries')
  @Access('city-office')
  @AuditedRead('deliveries', { targetType: 'delivery-log', targetId: 'actor:agencyId', readPeople: deliveryRecipientsIn })
  @ApiOperation({ summary: 'The delivery log: each message per channel with status, attempts and the provider’s last answer (addresses masked)' })
  @ApiOkResponse({ type: DeliveryPageDto })
  deliveries(@Query() query: DeliveryLogQuery, @CurrentActor() actor: Actor): Promise<DeliveryPage> {
    const payload: ListDeliveriesRequest = { actor, query };
    return this.rpc.call('notification', ops.listDeliveries, payload);
  }
}
