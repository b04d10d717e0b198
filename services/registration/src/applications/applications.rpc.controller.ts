import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApplicationRpcOperations,
  ListMyApplicationsRequest,
  WithdrawApplicationRequest,
  type ApplicationPage,
  type ApplicationView,
  type SubmitApplicationRequest,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { ApplicationsService } from './applications.service';
import { SubmitRequestPayload } from './submit-request-schema';

const ops = ApplicationRpcOperations;

@Controller()
export class ApplicationsRpcController {
  constructor(private readonly applications: ApplicationsService) {}

  @MessagePattern(rpcPattern('registration', ops.submit))
  submit(@SubmitRequestPayload() request: SubmitApplicationRequest): Promise<ApplicationView> {
    return this.applications.submit(request);
  }

  @MessagePattern(rpcPattern('registration', ops.listMine))
  listMine(@Payload() request: ListMyApplicationsRequest): Promise<ApplicationPage> {
    return this.applications.listMine(request);
  }

  @MessagePattern(rpcPattern('registration', ops.withdraw))
  withdraw(@Payload() request: WithdrawApplicationRequest): Promise<ApplicationView> {
    return this.applications.withdraw(request);
  }
}
