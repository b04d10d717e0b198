import type { DataSource, EntityManager } from 'typeorm';
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { BusNamespace, CloudEvent } from '@openday/contracts';
import {
  correlationFrom,
  runWithCorrelation,
  CORRELATION_HEADER,
  TRACEPARENT_HEADER,
  type CorrelationContext,
} from '../context/correlation';
import { busMetrics, consumerPendingSources } from '../metrics';
import { publishDeadLetter } from '../deadletter/dead-letter-publisher';
import { isDatabaseUnreachable } from '../connection/database-unreachable';
import { reconnectDelayMs } from '../connection/reconnect-delay';
import { BatchQueue } from './batch-queue';
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
  /** Most events applied in one transaction (default 100). */
  batchSize?: number;
  /** How long a batch smaller than batchSize waits for the rest of a pull still arriving (default 2 ms). */
  batchWaitMs?: number;
}

/** One message taken off the stream (handlerSeconds counts from then). */
interface Received {
  msg: JsMsg;
  takenAt: bigint;
}

interface Delivery extends Received {
  correlation: CorrelationContext;
}

interface Decoded extends Delivery {
  event: CloudEvent;
}

type Outcome = 'processed' | 'duplicate' | 'skipped' | 'retried' | 'dead-lettered';

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_BATCH_WAIT_MS = 2;
/** Unacknowledged messages the server lets all replicas of one durable hold. */
const MAX_ACK_PENDING = 1000;

/**
 * Runs one handler on its durable pull consumer. Takes the messages that have arrived (up
 * to a batch), dead-letters the invalid ones, and applies the valid ones in one transaction
 * with their inbox rows (a redelivered event finds its row and changes nothing), in stream
 * order; acks after the commit. When the batch fails, each of its events is applied alone,
 * so only the failing one backs off and, after its last try, is dead-lettered with the reason.
 * A replica holds at most three batches unacknowledged (handling, queued, in the pull
 * buffer): well inside max_ack_pending, and acked long before ack_wait.
 */
export class EventConsumer {
  readonly name: string;
  private readonly stream: string;
  private readonly filterSubject: string;
  private readonly redelivery: RedeliveryPolicy;
  private readonly batchSize: number;
  private readonly batchWaitMs: number;
  private messages?: ConsumerMessages;
  private loop?: Promise<unknown>;
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
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.batchWaitMs = options.batchWaitMs ?? DEFAULT_BATCH_WAIT_MS;
  }

  async start(): Promise<void> {
    await ensureDurableConsumer(this.options.jetstreamManager, {
      stream: this.stream,
      name: this.name,
      filterSubject: this.filterSubject,
      maxDeliver: this.redelivery.maxDeliver,
      ackWaitMs: this.options.ackWaitMs ?? 30_000,
      maxAckPending: MAX_ACK_PENDING,
    });
    const consumer = await this.options.jetstream.consumers.get(this.stream, this.name);
    this.messages = await consumer.consume({ max_messages: this.batchSize });
    consumerPendingSources.add(this.pendingSource);
    const queue = new BatchQueue<Received>(this.batchSize);
    this.loop = Promise.all([this.receive(this.messages, queue), this.work(queue)]);
  }

  /** Stops pulling, lets the batch in hand finish, hands queued and buffered ones back. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.loop;
    consumerPendingSources.delete(this.pendingSource);
  }

  private async receive(messages: ConsumerMessages, queue: BatchQueue<Received>): Promise<void> {
    try {
      for await (const msg of messages) {
        if (this.stopping) msg.nak();
        else await queue.put({ msg, takenAt: process.hrtime.bigint() });
      }
    } finally {
      queue.close();
    }
  }

  private async work(queue: BatchQueue<Received>): Promise<void> {
    for (;;) {
      const batch = await queue.take(this.batchSize, this.batchWaitMs);
      if (batch.length === 0) return;
      if (this.stopping) batch.forEach(({ msg }) => msg.nak());
      else await this.process(batch);
    }
  }

  private async process(batch: Received[]): Promise<void> {
    const valid: Decoded[] = [];
    for (const received of batch) {
      const { msg } = received;
      const delivery = { ...received, correlation: correlationOf(msg) };
      const decoded = decodeEvent(msg.data, msg.subject, this.options.handler.consumes, this.options.namespace);
      if (decoded.kind === 'event') {
        valid.push({ ...delivery, event: decoded.event });
      } else if (decoded.kind === 'not-for-us') {
        msg.ack();
        this.done(delivery, 'skipped');
      } else {
        await runWithCorrelation(delivery.correlation, async () => this.done(delivery, await this.deadLetter(msg, decoded.reason)));
      }
    }
    if (valid.length === 1) return this.applyAlone(valid[0]);
    if (valid.length > 1) await this.applyBatch(valid);
  }

  private async applyBatch(batch: Decoded[]): Promise<void> {
    let applied: Set<Decoded>;
    try {
      applied = await this.transaction(batch, (manager) => this.applyNew(batch, manager));
    } catch (err) {
      this.options.logger.warn(
        { err, consumer: this.name, events: batch.length },
        'batch failed; applying its events one at a time',
      );
      for (const item of batch) await this.applyAlone(item);
      return;
    }
    for (const item of batch) {
      item.msg.ack();
      this.done(item, applied.has(item) ? 'processed' : 'duplicate');
    }
  }

  /** Records the batch in the inbox and hands the events new to it to the handler, in stream order. */
  private async applyNew(batch: Decoded[], manager: EntityManager): Promise<Set<Decoded>> {
    const firstOfEach = new Map<string, Decoded>();
    for (const item of batch) if (!firstOfEach.has(item.event.id)) firstOfEach.set(item.event.id, item);
    const candidates = [...firstOfEach.values()];
    const inserted: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO inbox (consumer, event_id, event_type)
       SELECT $1, event_id, event_type FROM unnest($2::text[], $3::text[]) AS batch(event_id, event_type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.name, candidates.map((c) => c.event.id), candidates.map((c) => c.event.type)],
    );
    const newIds = new Set(inserted.map((row) => row.event_id));
    const fresh = candidates.filter((c) => newIds.has(c.event.id));
    const { handler } = this.options;
    if (fresh.length > 0 && handler.handleBatch) {
      await handler.handleBatch(fresh, manager);
    } else {
      for (const item of fresh) await runWithCorrelation(item.correlation, () => handler.handle(item.event, manager));
    }
    return new Set(fresh);
  }

  private async applyAlone(item: Decoded): Promise<void> {
    await runWithCorrelation(item.correlation, async () => {
      let outcome: Outcome;
      try {
        const applied = await this.transaction([item], async (manager) => (await this.applyNew([item], manager)).size > 0);
        item.msg.ack();
        outcome = applied ? 'processed' : 'duplicate';
      } catch (err) {
        outcome = await this.failed(item.msg, item.event, err as Error);
      }
      this.done(item, outcome);
    });
  }

  /**
   * While the database cannot be reached (restart, failover) the messages are held, kept from
   * redelivery, and the transaction retried with back-off: an outage uses none of their tries.
   */
  private async transaction<T>(held: Received[], work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.options.dataSource.transaction(work);
      } catch (err) {
        if (this.stopping || !isDatabaseUnreachable(err)) throw err;
        if (attempt === 0) this.options.logger.warn({ err, consumer: this.name }, 'database unreachable; holding the events until it answers');
        held.forEach(({ msg }) => msg.working());
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(attempt)));
      }
    }
  }

  private done(delivery: Delivery, outcome: Outcome): void {
    busMetrics.consumed.inc({ consumer: this.name, outcome });
    const seconds = Number(process.hrtime.bigint() - delivery.takenAt) / 1e9;
    busMetrics.handlerSeconds.observe({ consumer: this.name }, seconds);
    const { msg } = delivery;
    this.options.logger.debug(
      { consumer: this.name, subject: msg.subject, streamSequence: msg.info.streamSequence, outcome, ms: seconds * 1000 },
      'event handled',
    );
  }

  private async failed(msg: JsMsg, event: CloudEvent, err: Error): Promise<Outcome> {
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

  private async deadLetter(msg: JsMsg, reason: string): Promise<Outcome> {
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
    // A plain TERM: older servers (2.9, as Debian ships) take "+TERM <reason>" for no acknowledgement and
    // deliver the message again after ack_wait. The reason is kept with the dead letter.
    msg.term();
    busMetrics.deadLettered.inc({ consumer: this.name });
    return 'dead-lettered';
  }
}

function correlationOf(msg: JsMsg): CorrelationContext {
  return correlationFrom({
    correlationId: msg.headers?.get(CORRELATION_HEADER),
    traceparent: msg.headers?.get(TRACEPARENT_HEADER),
  });
}
