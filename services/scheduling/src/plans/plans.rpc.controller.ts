import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApprovePlanRequest,
  CancelOpenDayRequest,
  CreatePlanRequest,
  ListPlansRequest,
  PlanIdRequest,
  PlanOperations,
  ReturnPlanRequest,
  UpdatePlanRequest,
  type PlanHistoryEntryView,
  type PlanPage,
  type PlanView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { PlansService } from './plans.service';

const pattern = (operation: string) => rpcPattern('scheduling', operation);

@Controller()
export class PlansRpcController {
  constructor(private readonly plans: PlansService) {}

  @MessagePattern(pattern(PlanOperations.create))
  create(@Payload() request: CreatePlanRequest): Promise<PlanView> {
    return this.plans.create(request.actor, request.plan, request.idempotencyKey);
  }

  @MessagePattern(pattern(PlanOperations.update))
  update(@Payload() request: UpdatePlanRequest): Promise<PlanView> {
    return this.plans.update(request.actor, request.planId, request.plan);
  }

  @MessagePattern(pattern(PlanOperations.delete))
  remove(@Payload() request: PlanIdRequest): Promise<{ id: string; deleted: true }> {
    return this.plans.remove(request.actor, request.planId);
  }

  @MessagePattern(pattern(PlanOperations.get))
  get(@Payload() request: PlanIdRequest): Promise<PlanView> {
    return this.plans.get(request.actor, request.planId);
  }

  @MessagePattern(pattern(PlanOperations.list))
  list(@Payload() request: ListPlansRequest): Promise<PlanPage> {
    return this.plans.list(request.actor, request.query);
  }

  @MessagePattern(pattern(PlanOperations.history))
  history(@Payload() request: PlanIdRequest): Promise<PlanHistoryEntryView[]> {
    return this.plans.history(request.actor, request.planId);
  }

  @MessagePattern(pattern(PlanOperations.submit))
  submit(@Payload() request: PlanIdRequest): Promise<PlanView> {
    return this.plans.submit(request.actor, request.planId);
  }

  @MessagePattern(pattern(PlanOperations.approve))
  approve(@Payload() request: ApprovePlanRequest): Promise<PlanView> {
    return this.plans.approve(request.actor, request.planId, request.comments);
  }

  @MessagePattern(pattern(PlanOperations.return))
  returnPlan(@Payload() request: ReturnPlanRequest): Promise<PlanView> {
    return this.plans.returnPlan(request.actor, request.planId, request.comments);
  }

  @MessagePattern(pattern(PlanOperations.cancelOpenDay))
  cancelOpenDay(@Payload() request: CancelOpenDayRequest): Promise<PlanView> {
    return this.plans.cancelOpenDay(request.actor, request.planId, request.cancellation.reason);
  }
}
