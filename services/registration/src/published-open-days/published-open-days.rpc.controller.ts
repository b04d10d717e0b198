import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListOpenDaysRequest, OpenDayIdRequest, RpcOperations, type OpenDayView, type Page } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { PublishedOpenDaysService } from './published-open-days.service';

const ops = RpcOperations.registration;

@Controller()
export class PublishedOpenDaysRpcController {
  constructor(private readonly openDays: PublishedOpenDaysService) {}

  @MessagePattern(rpcPattern('registration', ops.getPublishedOpenDay))
  get(@Payload() request: OpenDayIdRequest): Promise<OpenDayView> {
    return this.openDays.get(request.id);
  }

  @MessagePattern(rpcPattern('registration', ops.listPublishedOpenDays))
  list(@Payload() request: ListOpenDaysRequest): Promise<Page<OpenDayView>> {
    return this.openDays.list(request);
  }
}
