import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateOpenDayRequest, OpenDayIdRequest, RpcOperations, type OpenDayView } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { OpenDaysService } from './open-days.service';

const ops = RpcOperations.scheduling;

@Controller()
export class OpenDaysRpcController {
  constructor(private readonly openDays: OpenDaysService) {}

  @MessagePattern(rpcPattern('scheduling', ops.createOpenDay))
  create(@Payload() request: CreateOpenDayRequest): Promise<OpenDayView> {
    return this.openDays.publish(request);
  }

  @MessagePattern(rpcPattern('scheduling', ops.getOpenDay))
  get(@Payload() request: OpenDayIdRequest): Promise<OpenDayView> {
    return this.openDays.get(request.id);
  }
}
