import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { AuditModule } from '../audit/audit.module';
import { SelectionController } from './selection.controller';

@Module({ imports: [RpcModule, AuditModule], controllers: [SelectionController] })
export class SelectionModule {}
