import { Module } from '@nestjs/common';
import { ApplicationsRpcController } from './applications.rpc.controller';
import { ApplicationsService } from './applications.service';
import { ClockModule, personalDataProvider } from '@openday/platform';
import { PublishedOpenDaysModule } from '../published-open-days/published-open-days.module';

@Module({
  imports: [ClockModule.fromEnvironment('REGISTRATION_TEST_NOW'), PublishedOpenDaysModule],
  controllers: [ApplicationsRpcController],
  providers: [personalDataProvider(), ApplicationsService],
})
export class ApplicationsModule {}
