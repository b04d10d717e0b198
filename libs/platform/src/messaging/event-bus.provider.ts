import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { BusNamespace } from '@openday/contracts';
import { EventBus, Outbox } from '@openday/messaging';
import { NATS_CONNECTION } from '../health';
import type { BaseServiceConfig } from '../config';
import { SERVICE_CONFIG, SERVICE_NAME, BUS_LOGGER } from './tokens';
import { natsCredentialsOf } from './nats-credentials';

export const eventBusProviders: Provider[] = [
  {
    provide: EventBus,
    inject: [SERVICE_NAME, SERVICE_CONFIG, getDataSourceToken(), BUS_LOGGER],
    useFactory: (service: string, config: BaseServiceConfig, dataSource: DataSource, logger: Logger) =>
      EventBus.start({
        service,
        namespace: new BusNamespace(config.BUS_NAMESPACE),
        natsUrl: config.NATS_URL,
        natsCredentials: natsCredentialsOf(config),
        databaseUrl: config.DATABASE_URL,
        dataSource,
        logger,
        streams: {
          replicas: config.STREAM_REPLICAS,
          maxAgeHours: {
            public: config.PUBLIC_STREAM_MAX_AGE_HOURS,
            internal: config.INTERNAL_STREAM_MAX_AGE_HOURS,
            deadLetter: config.DEADLETTER_STREAM_MAX_AGE_HOURS,
          },
          duplicateWindowSeconds: 120,
        },
      }),
  },
  { provide: Outbox, inject: [EventBus], useFactory: (bus: EventBus) => bus.outbox },
  { provide: NATS_CONNECTION, inject: [EventBus], useFactory: (bus: EventBus) => bus.connection },
  {
    provide: BusNamespace,
    inject: [SERVICE_CONFIG],
    useFactory: (config: BaseServiceConfig) => new BusNamespace(config.BUS_NAMESPACE),
  },
];
