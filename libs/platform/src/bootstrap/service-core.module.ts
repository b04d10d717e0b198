import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { BaseServiceConfig } from '../config';
import { createLoggerModule, createPinoLogger } from '../logging';
import { DataSource } from 'typeorm';
import { databaseOptions, migrateWithLock, type ServiceDatabase } from '../database';
import { HealthModule, NATS_CONNECTION } from '../health';
import { HttpMetricsInterceptor, MetricsModule, RpcMetricsInterceptor } from '../metrics';
import { ProblemFilter, createValidationPipe } from '../problem';
import { BUS_LOGGER, BusShutdown, eventBusProviders, SERVICE_CONFIG, SERVICE_NAME } from '../messaging';
import { RpcCorrelationInterceptor } from '../rpc';
import { BusNamespace } from '@openday/contracts';
import { EventBus, Outbox } from '@openday/messaging';

export interface ServiceCoreOptions {
  service: string;
  config: BaseServiceConfig;
  database: Omit<ServiceDatabase, 'url'>;
}

/**
 * What every deployable has: JSON logs, its own database with migrations,
 * the event bus (outbox relay, consumers), health, metrics, problem+json
 * errors and validation. A service's root module imports this and its features.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot({ service, config, database }: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        createLoggerModule(service, config.LOG_LEVEL),
        TypeOrmModule.forRootAsync({
          useFactory: () => databaseOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, ...database }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await migrateWithLock(dataSource);
            return dataSource;
          },
        }),
        HealthModule.forRoot(),
        MetricsModule.forRoot(service),
      ],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: BUS_LOGGER, useFactory: () => createPinoLogger(service, config.LOG_LEVEL) },
        ...eventBusProviders,
        BusShutdown,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: RpcCorrelationInterceptor },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RpcMetricsInterceptor },
      ],
      exports: [SERVICE_NAME, SERVICE_CONFIG, EventBus, Outbox, BusNamespace, NATS_CONNECTION],
    };
  }
}
