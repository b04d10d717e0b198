import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListDeliveriesRequest, NotificationRpcOperations, type DeliveryPage } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { DeliveryLogService } from './delivery-log.service';

@Controller()
export class DeliveriesRpcController {
  constructor(private readonly log: DeliveryLogService) {}

  @MessagePattern(rpcPattern('notification', NotificationRpcOperations.listDeliveries))
  listDeliveries(@Payload() request: ListDeliveriesRequest): Promise<DeliveryPage> {
    return this.log.list(request.actor, request.query);
  }
}
