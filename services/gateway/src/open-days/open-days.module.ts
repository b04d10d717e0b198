import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { OpenDaysController } from './open-days.controller';

@Module({ imports: [RpcModule], controllers: [OpenDaysController] })
export class OpenDaysModule {}
