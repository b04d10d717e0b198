import { Module } from '@nestjs/common';
import { OpenDayPublishedSubscriber } from './open-day-published.subscriber';
import { PublishedOpenDaysRpcController } from './published-open-days.rpc.controller';
import { PublishedOpenDaysService } from './published-open-days.service';
import { PublishedOpenDayCache } from './published-open-day-cache';

@Module({
  controllers: [PublishedOpenDaysRpcController],
  providers: [PublishedOpenDaysService, OpenDayPublishedSubscriber, PublishedOpenDayCache],
  exports: [PublishedOpenDayCache],
})
export class PublishedOpenDaysModule {}
