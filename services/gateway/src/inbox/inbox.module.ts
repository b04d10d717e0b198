import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { InboxController } from './inbox.controller';

@Module({ imports: [RpcModule], controllers: [InboxController] })
export class InboxModule {}
