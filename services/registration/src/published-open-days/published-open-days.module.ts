import { Module } from '@nestjs/common';
import { OpenDayPublishedSubscriber } from './open-day-published.subscriber';
import { PublishedOpenDaysRpcController } from './published-open-days.rpc.controller';
import { PublishedOpenDaysService } from './published-open-days.service';

@Module({
  controllers: [PublishedOpenDaysRpcController],
  providers: [PublishedOpenDaysService, OpenDayPublishedSubscriber],
})
export class PublishedOpenDaysModule {}
