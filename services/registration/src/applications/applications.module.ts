import { Module } from '@nestjs/common';
import { ApplicationsRpcController } from './applications.rpc.controller';
import { ApplicationsService, CLOCK, type Clock } from './applications.service';
import { personalDataProvider } from '@openday/platform';
import { PublishedOpenDaysModule } from '../published-open-days/published-open-days.module';

@Module({
  imports: [PublishedOpenDaysModule],
  controllers: [ApplicationsRpcController],
  providers: [personalDataProvider(), { provide: CLOCK, useValue: (() => new Date()) satisfies Clock }, ApplicationsService],
})
export class ApplicationsModule {}
