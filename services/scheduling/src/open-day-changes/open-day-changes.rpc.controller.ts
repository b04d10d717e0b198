import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApproveOpenDayChangeRequest,
  ChangeOpenDayRequest,
  ListOpenDayChangesRequest,
  PlanIdRequest,
  PlanOperations,
  ReturnOpenDayChangeRequest,
  type OpenDayChangePage,
  type OpenDayChangeView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { OpenDayChangesService } from './open-day-changes.service';

const pattern = (operation: string) => rpcPattern('scheduling', operation);

@Controller()
export class OpenDayChangesRpcController {
  constructor(private readonly changes: OpenDayChangesService) {}

  @MessagePattern(pattern(PlanOperations.changeOpenDay))
  file(@Payload() request: ChangeOpenDayRequest): Promise<OpenDayChangeView> {
    return this.changes.file(request.actor, request.planId, request.change);
  }

  @MessagePattern(pattern(PlanOperations.listPlanOpenDayChanges))
  listForPlan(@Payload() request: PlanIdRequest): Promise<{ items: OpenDayChangeView[] }> {
    return this.changes.listForPlan(request.actor, request.planId);
  }

  @MessagePattern(pattern(PlanOperations.listOpenDayChanges))
  list(@Payload() request: ListOpenDayChangesRequest): Promise<OpenDayChangePage> {
    return this.changes.list(request.actor, request.query);
  }

  @MessagePattern(pattern(PlanOperations.approveOpenDayChange))
  approve(@Payload() request: ApproveOpenDayChangeRequest): Promise<OpenDayChangeView> {
    return this.changes.approve(request.actor, request.changeId, request.comments);
  }

  @MessagePattern(pattern(PlanOperations.returnOpenDayChange))
  returnChange(@Payload() request: ReturnOpenDayChangeRequest): Promise<OpenDayChangeView> {
    return this.changes.returnChange(request.actor, request.changeId, request.comments);
  }
}
