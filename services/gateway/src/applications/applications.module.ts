import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { ApplicationsController } from './applications.controller';

@Module({ imports: [RpcModule], controllers: [ApplicationsController] })
export class ApplicationsModule {}
