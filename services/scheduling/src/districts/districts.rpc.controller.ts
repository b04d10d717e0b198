import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AddDistrictRequest, ChangeDistrictRequest, DistrictOperations, DistrictQuery, type DistrictListView, type DistrictView } from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { DistrictsService } from './districts.service';

@Controller()
export class DistrictsRpcController {
  constructor(private readonly districts: DistrictsService) {}

  /** Public: which districts an open day can be for is public information. */
  @MessagePattern(rpcPattern('scheduling', DistrictOperations.list))
  list(@Payload() query: DistrictQuery): Promise<DistrictListView> {
    return this.districts.list(query.includeInactive);
  }

  @MessagePattern(rpcPattern('scheduling', DistrictOperations.add))
  add(@Payload() request: AddDistrictRequest): Promise<DistrictView> {
    return this.districts.add(request.actor, request.district);
  }

  @MessagePattern(rpcPattern('scheduling', DistrictOperations.change))
  change(@Payload() request: ChangeDistrictRequest): Promise<DistrictView> {
    return this.districts.change(request.actor, request.code, request.change);
  }
}
