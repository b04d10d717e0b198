import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { AuditModule } from '../audit/audit.module';
import { TicketsController } from './tickets.controller';

/** Admission tickets, QR codes, check-in, rosters and revocation; scheduling answers over NATS. */
@Module({ imports: [RpcModule, AuditModule], controllers: [TicketsController] })
export class TicketsModule {}
