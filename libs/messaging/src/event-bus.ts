import type { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { BusNamespace } from '@openday/contracts';
import { connectNats, type NatsCredentials } from './connection/connect-nats';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventConsumer } from './consumer/event-consumer';
import type { EventHandler, RedeliveryPolicy } from './consumer/event-handler';
import {
  awaitProducerStream,
  provisionDeadLetterStream,
  provisionEventStream,
  type StreamSettings,
} from './streams/provision-streams';

export interface EventBusOptions {
  service: string;
  namespace: BusNamespace;
  natsUrl: string | string[];
  natsCredentials?: NatsCredentials;
  databaseUrl: string;
  dataSource: DataSource;
  logger: Logger;
  streams: StreamSettings;
  handlers?: EventHandler[];
  redelivery?: RedeliveryPolicy;
}

/**
 * A service's whole connection to the bus: its stream, its outbox relay and
 * one durable consumer per handler. Start once at boot, stop on SIGTERM.
 */
export class EventBus {
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  readonly consumers: EventConsumer[] = [];

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
  }

  static async start(options: EventBusOptions): Promise<EventBus> {
    const connection = await connectNats(options.natsUrl, options.service, options.natsCredentials);
    const jsm = await jetstreamManager(connection);
    const bus = new EventBus(connection, jetstream(connection), jsm, options);
    try {
      const { namespace, service, streams } = options;
      await provisionEventStream(jsm, namespace, service, streams);
      await provisionDeadLetterStream(jsm, namespace, streams);
      await bus.relay.start();
      for (const handler of options.handlers ?? []) await bus.subscribe(handler);
    } catch (err) {
      await connection.close();
      throw err;
    }
    options.logger.info({ service: options.service }, 'event bus started');
    return bus;
  }

  /** Starts the handler's durable consumer, once the producer's stream exists. */
  async subscribe(handler: EventHandler): Promise<EventConsumer> {
    const { namespace, streams, service, dataSource, logger, redelivery } = this.options;
    const streamsRead = new Map(handler.consumes.map(({ definition: d }) => [`${d.service}/${d.visibility}`, d]));
    for (const { service: producer, visibility } of streamsRead.values()) {
      await awaitProducerStream(this.jetstreamManager, namespace, producer, visibility, streams, (stream) =>
        logger.info({ stream, handler: handler.purpose }, 'waiting for the producer to create its stream'),
      );
    }
    const consumer = new EventConsumer({
      service,
      handler,
      namespace,
      dataSource,
      jetstream: this.jetstream,
      jetstreamManager: this.jetstreamManager,
      logger,
      redelivery,
    });
    await consumer.start();
    this.consumers.push(consumer);
    logger.info({ consumer: consumer.name }, 'consumer started');
    return consumer;
  }

  /** Stop pulling, finish what is in hand, publish what is committed, then drain the connection. */
  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay.stop();
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
