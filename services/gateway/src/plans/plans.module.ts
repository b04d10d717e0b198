import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { PlansController } from './plans.controller';

@Module({ imports: [RpcModule], controllers: [PlansController] })
export class PlansModule {}
