import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

export interface HealthModuleOptions {
  /**
   * On SIGTERM, how long to keep serving with readiness at 503 before Nest
   * closes the server, so load balancers stop routing first. Default 0.
   */
  drainDelayMs?: number;
  /** Modules providing `NATS_CONNECTION` (and the TypeORM `DataSource`) when they are not global. */
  imports?: ModuleMetadata['imports'];
}

/** `GET /health/live` and `GET /health/ready`. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ gracefulShutdownTimeoutMs: options.drainDelayMs ?? 0 }), ...(options.imports ?? [])],
      controllers: [HealthController],
    };
  }
}
