import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DecideRequest, OpenDayActionRequest, VettingRpcOperations, type DecisionsResult } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { SelectionGroupService } from './selection-group.service';

const ops = VettingRpcOperations;

@Controller()
export class SelectionRpcController {
  constructor(private readonly group: SelectionGroupService) {}

  @MessagePattern(rpcPattern('vetting', ops.decide))
  decide(@Payload() request: DecideRequest): Promise<DecisionsResult> {
    return this.group.decide(request.actor, request.openDayId, request.input);
  }

  @MessagePattern(rpcPattern('vetting', ops.complete))
  complete(@Payload() request: OpenDayActionRequest): Promise<{ completedSessions: string[] }> {
    return this.group.complete(request.actor, request.openDayId);
  }
}
