import type { DataSource } from 'typeorm';
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { BusNamespace, CloudEvent } from '@openday/contracts';
import { correlationFrom, runWithCorrelation, CORRELATION_HEADER, TRACEPARENT_HEADER } from '../context/correlation';
import { busMetrics, consumerPendingSources } from '../metrics';
import { publishDeadLetter } from '../deadletter/dead-letter-publisher';
import { decodeEvent } from './decode-event';
import { ensureDurableConsumer } from './durable-consumer-config';
import { backoffDelay, defaultRedeliveryPolicy, type EventHandler, type RedeliveryPolicy } from './event-handler';

export interface EventConsumerOptions {
  service: string;
  handler: EventHandler;
  namespace: BusNamespace;
  dataSource: DataSource;
  jetstream: JetStreamClient;
  jetstreamManager: JetStreamManager;
  logger: Logger;
  redelivery?: RedeliveryPolicy;
  ackWaitMs?: number;
}

/**
 * Runs one handler on its durable pull consumer: validate, apply in a
 * transaction with the inbox row, ack after commit; on failure back off and,
 * after the last try, dead-letter with the reason.
 */
export class EventConsumer {
  readonly name: string;
  private readonly stream: string;
  private readonly filterSubject: string;
  private readonly redelivery: RedeliveryPolicy;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private readonly pendingSource = async () => {
    const info = await this.options.jetstreamManager.consumers.info(this.stream, this.name);
    return [{ labels: { consumer: this.name }, value: info.num_pending + info.num_ack_pending }];
  };

  constructor(private readonly options: EventConsumerOptions) {
    const { handler, namespace, service } = options;
    const streams = new Set(handler.consumes.map((c) => `${c.definition.service}/${c.definition.visibility}`));
    if (streams.size !== 1) {
      throw new Error(`handler ${handler.purpose} must consume events of one producing service and one visibility`);
    }
    const { service: producer, visibility } = handler.consumes[0].definition;
    this.name = namespace.consumerName(service, handler.purpose);
    this.stream = namespace.eventStream(producer, visibility);
    this.filterSubject =
      handler.consumes.length === 1
        ? handler.consumes[0].subjectIn(namespace)
        : namespace.serviceEventsWildcard(producer, visibility);
    this.redelivery = options.redelivery ?? defaultRedeliveryPolicy;
  }

  async start(): Promise<void> {
    await ensureDurableConsumer(this.options.jetstreamManager, {
      stream: this.stream,
      name: this.name,
      filterSubject: this.filterSubject,
      maxDeliver: this.redelivery.maxDeliver,
      ackWaitMs: this.options.ackWaitMs ?? 30_000,
      maxAckPending: 1000,
    });
    const consumer = await this.options.jetstream.consumers.get(this.stream, this.name);
    this.messages = await consumer.consume({ max_messages: 100 });
    consumerPendingSources.add(this.pendingSource);
    this.loop = this.run(this.messages);
  }

  /** Stops pulling, lets the message in hand finish, hands buffered ones back. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.loop;
    consumerPendingSources.delete(this.pendingSource);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      if (this.stopping) {
        msg.nak();
        continue;
      }
      await this.process(msg);
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const startedAt = process.hrtime.bigint();
    const correlation = correlationFrom({
      correlationId: msg.headers?.get(CORRELATION_HEADER),
      traceparent: msg.headers?.get(TRACEPARENT_HEADER),
    });
    await runWithCorrelation(correlation, async () => {
      const outcome = await this.handle(msg);
      busMetrics.consumed.inc({ consumer: this.name, outcome });
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      busMetrics.handlerSeconds.observe({ consumer: this.name }, seconds);
      this.options.logger.debug(
        { consumer: this.name, subject: msg.subject, streamSequence: msg.info.streamSequence, outcome, ms: seconds * 1000 },
        'event handled',
      );
    });
  }

  private async handle(msg: JsMsg): Promise<string> {
    const decoded = decodeEvent(msg.data, msg.subject, this.options.handler.consumes, this.options.namespace);
    if (decoded.kind === 'not-for-us') {
      msg.ack();
      return 'skipped';
    }
    if (decoded.kind === 'invalid') {
      return this.deadLetter(msg, decoded.reason);
    }
    try {
      const applied = await this.applyOnce(decoded.event);
      msg.ack();
      return applied ? 'processed' : 'duplicate';
    } catch (err) {
      return this.failed(msg, decoded.event, err as Error);
    }
  }

  private async applyOnce(event: CloudEvent): Promise<boolean> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.name, event.id, event.type],
      );
      if (inserted.length === 0) return false;
      await this.options.handler.handle(event, manager);
      return true;
    });
  }

  private async failed(msg: JsMsg, event: CloudEvent, err: Error): Promise<string> {
    const tries = msg.info.deliveryCount;
    const log = { err, eventId: event.id, eventType: event.type, consumer: this.name, tries };
    if (tries >= this.redelivery.maxDeliver) {
      this.options.logger.error(log, 'handler failed on its last try; dead-lettering');
      return this.deadLetter(msg, `handler failed after ${tries} tries: ${err.message}`);
    }
    this.options.logger.warn(log, 'handler failed; will retry');
    msg.nak(backoffDelay(this.redelivery, tries));
    return 'retried';
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<string> {
    try {
      await publishDeadLetter(this.options.jetstream, this.options.namespace, this.name, msg, reason);
    } catch (err) {
      this.options.logger.error({ err, consumer: this.name }, 'dead-letter publish failed; message stays for redelivery');
      msg.nak(backoffDelay(this.redelivery, msg.info.deliveryCount));
      return 'retried';
    }
    this.options.logger.error(
      { consumer: this.name, subject: msg.subject, streamSequence: msg.info.streamSequence, reason },
      'message dead-lettered',
    );
    msg.term(reason.slice(0, 200));
    busMetrics.deadLettered.inc({ consumer: this.name });
    return 'dead-lettered';
  }
}
