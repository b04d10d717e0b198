import type { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { BusNamespace } from '@openday/contracts';
import { connectNats } from './connection/connect-nats';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventConsumer } from './consumer/event-consumer';
import type { EventHandler, RedeliveryPolicy } from './consumer/event-handler';
import { provisionDeadLetterStream, provisionEventStream, type StreamSettings } from './streams/provision-streams';

export interface EventBusOptions {
  service: string;
  namespace: BusNamespace;
  natsUrl: string;
  databaseUrl: string;
  dataSource: DataSource;
  logger: Logger;
  streams: StreamSettings;
  handlers: EventHandler[];
  redelivery?: RedeliveryPolicy;
}

/**
 * A service's whole connection to the bus: its stream, its outbox relay and
 * one durable consumer per handler. Start once at boot, stop on SIGTERM.
 */
export class EventBus {
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  readonly consumers: EventConsumer[];

  private constructor(
    readonly connection: NatsConnection,
    readonly jetstream: JetStreamClient,
    readonly jetstreamManager: JetStreamManager,
    private readonly options: EventBusOptions,
  ) {
    this.outbox = new Outbox(options.namespace);
    this.relay = new OutboxRelay({
      databaseUrl: options.databaseUrl,
      jetstream,
      logger: options.logger,
      service: options.service,
    });
    this.consumers = options.handlers.map(
      (handler) =>
        new EventConsumer({
          service: options.service,
          handler,
          namespace: options.namespace,
          dataSource: options.dataSource,
          jetstream,
          jetstreamManager,
          logger: options.logger,
          redelivery: options.redelivery,
        }),
    );
  }

  static async start(options: EventBusOptions): Promise<EventBus> {
    const connection = await connectNats(options.natsUrl, options.service);
    const jsm = await jetstreamManager(connection);
    const bus = new EventBus(connection, jetstream(connection), jsm, options);
    try {
      await bus.provision();
      await bus.relay.start();
      for (const consumer of bus.consumers) await consumer.start();
    } catch (err) {
      await connection.close();
      throw err;
    }
    options.logger.info(
      { consumers: bus.consumers.map((c) => c.name) },
      'event bus started',
    );
    return bus;
  }

  /** Producers' streams too: a consumer may start before the service whose events it reads. */
  private async provision(): Promise<void> {
    const { namespace, service, streams, handlers } = this.options;
    const producers = new Set([service, ...handlers.flatMap((h) => h.consumes.map((c) => c.definition.service))]);
    for (const producer of producers) {
      await provisionEventStream(this.jetstreamManager, namespace, producer, streams);
    }
    await provisionDeadLetterStream(this.jetstreamManager, namespace, streams);
  }

  /** Stop pulling, finish what is in hand, publish what is committed, then drain the connection. */
  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay.stop();
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
