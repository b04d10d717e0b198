import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { DistrictsRpcController } from './districts.rpc.controller';
import { DistrictsService } from './districts.service';

/** The district list the city office keeps, which plans' eligibility is checked against. */
@Module({
  imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW')],
  controllers: [DistrictsRpcController],
  providers: [DistrictsService],
  exports: [DistrictsService],
})
export class DistrictsModule {}
