import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RpcModule } from '../rpc/rpc.module';
import { ReportsController } from './reports.controller';

/** Statistics, open-day summaries and the city-wide table. */
@Module({ imports: [RpcModule, AuditModule], controllers: [ReportsController] })
export class ReportsModule {}
