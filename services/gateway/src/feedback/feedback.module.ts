import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AuditModule } from '../audit/audit.module';
import { RpcModule } from '../rpc/rpc.module';
import { DepartmentDirectory } from './department-directory';
import { FeedbackController } from './feedback.controller';

/** Opinions, surveys, assignment, answers and ratings (the feedback service owns them). */
@Module({ imports: [RpcModule, AuditModule, AgenciesModule], controllers: [FeedbackController], providers: [DepartmentDirectory] })
export class FeedbackModule {}
