import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { DistrictsController } from './districts.controller';

@Module({ imports: [RpcModule], controllers: [DistrictsController] })
export class DistrictsModule {}
