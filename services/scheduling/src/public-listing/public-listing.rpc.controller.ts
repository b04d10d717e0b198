import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CityCalendarQuery,
  ListingOperations,
  PublicOpenDayIdRequest,
  PublicOpenDayQuery,
  type CityCalendarView,
  type Page,
  type PublicOpenDayView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { PublicListingService } from './public-listing.service';

/** Anonymous: these requests carry no actor. */
@Controller()
export class PublicListingRpcController {
  constructor(private readonly listing: PublicListingService) {}

  @MessagePattern(rpcPattern('scheduling', ListingOperations.list))
  list(@Payload() query: PublicOpenDayQuery): Promise<Page<PublicOpenDayView>> {
    return this.listing.list(query);
  }

  @MessagePattern(rpcPattern('scheduling', ListingOperations.get))
  get(@Payload() request: PublicOpenDayIdRequest): Promise<PublicOpenDayView> {
    return this.listing.get(request.id);
  }

  @MessagePattern(rpcPattern('scheduling', ListingOperations.calendar))
  calendar(@Payload() query: CityCalendarQuery): Promise<CityCalendarView> {
    return this.listing.cityCalendar(query);
  }
}
