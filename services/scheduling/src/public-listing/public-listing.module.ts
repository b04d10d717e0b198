import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { WorkingCalendarModule } from '../working-calendar/working-calendar.module';
import { PublicListingRpcController } from './public-listing.rpc.controller';
import { PublicListingService } from './public-listing.service';

@Module({
  imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW'), WorkingCalendarModule],
  controllers: [PublicListingRpcController],
  providers: [PublicListingService],
})
export class PublicListingModule {}
