import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditedInterceptor } from './audited.interceptor';

/** Global so any feature can record privileged actions (AuditService) or mark a route @Audited. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditedInterceptor],
  exports: [AuditService, AuditedInterceptor],
})
export class AuditModule {}
