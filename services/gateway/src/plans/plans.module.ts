import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { OpenDayChangesController } from './open-day-changes.controller';
import { PlansController } from './plans.controller';

@Module({ imports: [RpcModule], controllers: [PlansController, OpenDayChangesController] })
export class PlansModule {}
