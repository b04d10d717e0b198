import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { PublicOpenDaysController } from './public-open-days.controller';

@Module({ imports: [RpcModule], controllers: [PublicOpenDaysController] })
export class PublicOpenDaysModule {}
