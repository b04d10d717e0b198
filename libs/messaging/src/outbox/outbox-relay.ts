import { Pool, type PoolClient } from 'pg';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { eventCatalog } from '@openday/contracts';
import { busMetrics, outboxBacklogSources } from '../metrics';
import { reconnectDelayMs } from '../connection/reconnect-delay';

export interface OutboxRelayOptions {
  databaseUrl: string;
  jetstream: JetStreamClient;
  logger: Logger;
  /** Label for metrics and logs. */
  service: string;
  batchSize?: number;
  /** Safety net for lost notifications (LISTEN is not delivered while disconnected). */
  pollIntervalMs?: number;
  /** Sent rows are kept this long for inspection, then pruned. */
  retentionMs?: number;
}

/** Event types whose rows must not outlive their publication: personal data or secrets in the clear. */
const SENSITIVE_TYPES = eventCatalog.filter((contract) => contract.definition.sensitive).map((contract) => contract.type);

interface OutboxRow {
  id: string;
  seq: string;
  aggregate_id: string;
  subject: string;
  event_type: string;
  payload: unknown;
  headers: Record<string, string>;
}

/** A test seam: lets a test kill the relay after publishing and before marking. */
export type AfterPublishHook = (ids: string[]) => Promise<void> | void;

/**
 * Publishes committed outbox rows to JetStream. Rows are claimed with
 * FOR UPDATE SKIP LOCKED so replicas share the work; Nats-Msg-Id = event id
 * makes a re-publish after a crash a no-op inside the duplicate window.
 * A lost database connection (restart, failover) never ends the process: the
 * LISTEN connection is re-established with back-off, followed by a poll for
 * the events committed meanwhile, and a failed cycle is retried at the next poll.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private listener?: PoolClient;
  private relisten?: { timer: NodeJS.Timeout; attempt?: Promise<void> };
  private running = false;
  /** Set by a notification that arrives while a cycle is running, so the next sleep is skipped. */
  private notified = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private lastPrune = 0;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly backlogSource = async () => [
    { labels: { service: this.options.service }, value: await this.backlog() },
  ];
  afterPublish?: AfterPublishHook;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2, connectionTimeoutMillis: 5_000, keepAlive: true });
    this.pool.on('error', (err) => options.logger.warn({ err }, 'outbox relay pool error'));
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retentionMs = options.retentionMs ?? 3_600_000;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    outboxBacklogSources.add(this.backlogSource);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    outboxBacklogSources.delete(this.backlogSource);
    if (this.relisten) clearTimeout(this.relisten.timer);
    await this.relisten?.attempt;
    this.listener?.release();
    this.listener = undefined;
    await this.pool.end();
  }

  /** Whether the relay hears commits as they happen (false while its LISTEN connection is being re-established). */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  async backlog(): Promise<number> {
    const { rows } = await this.pool.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    return rows[0].n as number;
  }

  /** Publishes until the outbox is empty; returns how many events left. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0) return total;
    }
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    const lost = (err?: Error) => this.listenerLost(client, err ?? new Error('LISTEN connection ended'));
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.wakeUp());
    try {
      await client.query('LISTEN outbox');
    } catch (err) {
      client.removeListener('error', lost);
      client.removeListener('end', lost);
      client.release(err as Error);
      throw err;
    }
    if (!this.running) return client.release();
    this.listener = client;
  }

  private listenerLost(client: PoolClient, err: Error): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    client.release(err);
    if (!this.running) return;
    this.options.logger.warn({ err, service: this.options.service }, 'outbox relay lost its LISTEN connection; reconnecting');
    this.scheduleRelisten(0);
  }

  private scheduleRelisten(attempt: number): void {
    const timer = setTimeout(() => {
      const relisten = this.listen().then(
        () => {
          this.relisten = undefined;
          if (!this.running) return;
          this.options.logger.info({ service: this.options.service, attempts: attempt + 1 }, 'outbox relay listening again');
          this.wakeUp();
        },
        (err: Error) => {
          if (!this.running) return;
          this.options.logger.debug({ err, attempt }, 'outbox relay could not LISTEN yet');
          this.scheduleRelisten(attempt + 1);
        },
      );
      if (this.relisten) this.relisten.attempt = relisten;
    }, reconnectDelayMs(attempt));
    this.relisten = { timer };
  }

  /** Runs a cycle now (or right after the one in hand): events were committed, or may have been while deaf. */
  private wakeUp(): void {
    this.notified = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.notified = false;
      try {
        await this.drain();
        await this.pruneSentRows();
      } catch (err) {
        this.options.logger.error({ err }, 'outbox relay cycle failed; retrying');
      }
      await this.sleepUntilWoken();
    }
  }

  private sleepUntilWoken(): Promise<void> {
    if (!this.running || this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    // A checked-out client has no pool listener: the connection dropping while the batch
    // waits for JetStream would otherwise be an unhandled 'error' event; the next query fails instead.
    let connectionLost: Error | undefined;
    const onError = (err: Error) => (connectionLost = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const rows = await this.claim(client);
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const published = await this.publish(rows);
      await this.afterPublish?.(published);
      await client.query('DELETE FROM outbox WHERE id = ANY($1::uuid[]) AND event_type = ANY($2::text[])', [published, SENSITIVE_TYPES]);
      await client.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [published]);
      await client.query('COMMIT');
      return published.length;
    } catch (err) {
      connectionLost ??= await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackErr: Error) => rollbackErr,
      );
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(connectionLost);
    }
  }

  /**
   * Claims unsent rows, leaving out any row whose aggregate has an earlier
   * unsent row held by another relay, so per-aggregate order survives replicas.
   */
  private async claim(client: PoolClient): Promise<OutboxRow[]> {
    const { rows } = await client.query<OutboxRow>(
      `SELECT id, seq, aggregate_id, subject, event_type, payload, headers
         FROM outbox WHERE sent_at IS NULL
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [this.batchSize],
    );
    if (rows.length === 0) return rows;
    const { rows: earlier } = await client.query<{ aggregate_id: string; first_seq: string }>(
      `SELECT aggregate_id, min(seq)::text AS first_seq FROM outbox
        WHERE sent_at IS NULL AND aggregate_id = ANY($1::text[]) AND NOT (id = ANY($2::uuid[]))
        GROUP BY aggregate_id`,
      [[...new Set(rows.map((r) => r.aggregate_id))], rows.map((r) => r.id)],
    );
    const blockedFrom = new Map(earlier.map((e) => [e.aggregate_id, BigInt(e.first_seq)]));
    return rows.filter((row) => {
      const limit = blockedFrom.get(row.aggregate_id);
      return limit === undefined || BigInt(row.seq) < limit;
    });
  }

  /** Pipelined: all publishes are in flight at once; the server keeps their order. */
  private async publish(rows: OutboxRow[]): Promise<string[]> {
    const results = await Promise.allSettled(
      rows.map((row) => {
        const h = natsHeaders();
        for (const [key, value] of Object.entries(row.headers)) h.set(key, value);
        return this.options.jetstream.publish(row.subject, JSON.stringify(row.payload), {
          msgID: row.id,
          headers: h,
        });
      }),
    );
    const published: string[] = [];
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') {
        published.push(rows[i].id);
        busMetrics.published.inc({ type: rows[i].event_type });
      } else {
        this.options.logger.warn({ err: result.reason, eventId: rows[i].id }, 'publish failed; will retry');
      }
    });
    return published;
  }

  private async pruneSentRows(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.pool.query(
      `DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - ($1::int * interval '1 millisecond')`,
      [this.retentionMs],
    );
  }
}
