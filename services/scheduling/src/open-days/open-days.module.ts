import { Module } from '@nestjs/common';
import { OpenDaysRpcController } from './open-days.rpc.controller';
import { OpenDaysService } from './open-days.service';

@Module({
  controllers: [OpenDaysRpcController],
  providers: [OpenDaysService],
})
export class OpenDaysModule {}
