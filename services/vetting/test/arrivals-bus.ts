import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { ApplicationSubmittedV1, OpenDayPublishedV2, type BusNamespace } from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { connectNats, EventBus, EventConsumer, Outbox, provisionDeadLetterStream, provisionEventStream } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { deleteNamespaceStreams, testInfrastructure, testLogger, testNamespace, type TestInfrastructure } from '@openday/testing';
import { randomUUID } from 'node:crypto';
import { ApplicationSubmittedSubscriber } from '../src/applications/application-submitted.subscriber';
import { SelectionLedger } from '../src/selection-runs/selection-ledger';
import { SelectionService } from '../src/selection-runs/selection.service';
import { ArrivalDecider } from '../src/first-come/arrival-decider';
import { applicationFor, VettingTestDatabase } from './vetting-database';

const OFFICIAL_CALENDAR = { current: async () => officialCalendar() };

const SETTINGS = { mediaPlacesOutsideQuota: 2, noShowLookBackMonths: 12, parkedArrivalFlagAfterMinutes: 60, firstComeSettleMs: 0 };

export interface Replica {
  selection: SelectionService;
  /** Application-submitted events its consumer handled. */
  handled: number;
  /** Batches its consumer handed to handleBatch, and the time spent in it. */
  batches: number;
  handlingMs: number;
}

/**
 * Vetting's application-submitted consumer on the real NATS and PostgreSQL: events published
 * straight to registration's internal stream (in whatever order a test chooses), consumed by
 * as many vetting replicas as it starts, each with its own SelectionService and durable consumer
 * member.
 */
export class ArrivalsOnTheBus {
  readonly database = new VettingTestDatabase();
  readonly namespace: BusNamespace = testNamespace();
  readonly clock = new ManualClock(new Date('2026-11-21T09:00:00+08:00'));
  dataSource!: DataSource;
  private infra!: TestInfrastructure;
  private connection!: NatsConnection;
  private js!: JetStreamClient;
  private jsm!: JetStreamManager;
  private readonly consumers: EventConsumer[] = [];
  private readonly deciders: Array<Promise<void>> = [];
  private stopping = false;
  private nextSequence = 1;

  async start(name: string, poolSize = 20): Promise<void> {
    this.dataSource = await this.database.start(name, poolSize);
    this.infra = await testInfrastructure();
    this.connection = await connectNats(this.infra.natsUrl, name);
    this.js = jetstream(this.connection);
    this.jsm = await jetstreamManager(this.connection);
    await provisionEventStream(this.jsm, this.namespace, 'registration');
    await provisionDeadLetterStream(this.jsm, this.namespace);
  }

  /**
   * One vetting replica: its own services on the shared database, a member of the one durable
   * consumer, and its arrival decider polling every `pollMs` as the service's does.
   */
  async replica(settleMs: number, pollMs = 50): Promise<Replica> {
    const settings = { ...SETTINGS, firstComeSettleMs: settleMs };
    const outbox = new Outbox(this.namespace);
    const selection = new SelectionService(new SelectionLedger(outbox, this.clock), outbox, settings, OFFICIAL_CALENDAR);
    const handler = new ApplicationSubmittedSubscriber(undefined as unknown as EventBus, selection);
    const replica: Replica = { selection, handled: 0, batches: 0, handlingMs: 0 };
    const handle = handler.handle.bind(handler);
    const handleBatch = handler.handleBatch.bind(handler);
    handler.handle = (event, manager) => {
      replica.handled += 1;
      return handle(event, manager);
    };
    handler.handleBatch = async (events, manager) => {
      const started = performance.now();
      replica.handled += events.length;
      replica.batches += 1;
      await handleBatch(events, manager);
      replica.handlingMs += performance.now() - started;
    };
    const consumer = new EventConsumer({
      service: 'vetting',
      handler,
      namespace: this.namespace,
      dataSource: this.dataSource,
      jetstream: this.js,
      jetstreamManager: this.jsm,
      logger: testLogger(),
    });
    await consumer.start();
    this.consumers.push(consumer);
    this.deciders.push(this.decideEvery(new ArrivalDecider(this.dataSource, selection, settings), pollMs));
    return replica;
  }

  private async decideEvery(decider: ArrivalDecider, pollMs: number): Promise<void> {
    while (!this.stopping) {
      await decider.decideSettled();
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** A first-come open day with one session of `capacity` places, as vetting stores it from its publication. */
  async firstComeOpenDay(capacity: number): Promise<OpenDayPublishedV2> {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', capacity }],
      registrationOpensAt: '2026-11-20T00:00:00.000Z',
      registrationClosesAt: '2026-11-26T08:00:00.000Z',
      selectionMode: 'first-come',
      quotas: [],
      minOrdinaryShare: 0,
    };
    const outbox = new Outbox(this.namespace);
    const selection = new SelectionService(new SelectionLedger(outbox, this.clock), outbox, SETTINGS, OFFICIAL_CALENDAR);
    await this.dataSource.transaction((manager) => selection.openDayPublished(manager, data));
    return data;
  }

  /** `count` applications in submission order, their arrival sequences `gap` apart (others' applications fall between). */
  applications(openDay: OpenDayPublishedV2, count: number, gap = 1): ApplicationSubmittedV1[] {
    const first = this.nextSequence;
    this.nextSequence += count * gap;
    return Array.from({ length: count }, (_, i) => applicationFor(openDay, { arrivalSequence: first + i * gap }));
  }

  /** Publishes the applications to registration's internal stream in the order given (a hundred in flight at a time). */
  async publish(applications: readonly ApplicationSubmittedV1[]): Promise<void> {
    const subject = ApplicationSubmittedV1.contract.subjectIn(this.namespace);
    for (let start = 0; start < applications.length; start += 100) {
      await Promise.all(
        applications.slice(start, start + 100).map((data) => {
          const event = ApplicationSubmittedV1.contract.create(data, { subject: data.personId });
          return this.js.publish(subject, JSON.stringify(event), { msgID: event.id });
        }),
      );
    }
  }

  /** Waits until every application of the open day is stored (screened). */
  screened(openDayId: string, count: number, timeoutMs = 120_000): Promise<void> {
    return this.until(`SELECT count(*)::int AS n FROM vetting_applicants WHERE open_day_id = $1`, openDayId, count, timeoutMs, 'screened');
  }

  /** Waits until every application of the open day is decided. */
  decided(openDayId: string, count: number, timeoutMs = 120_000): Promise<void> {
    return this.until(`SELECT count(*)::int AS n FROM vetting_applicants WHERE open_day_id = $1 AND status <> 'eligible'`, openDayId, count, timeoutMs, 'decided');
  }

  private async until(counting: string, openDayId: string, count: number, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ n }] = (await this.dataSource.query(counting, [openDayId])) as Array<{ n: number }>;
      if (n >= count) return;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${count} applications ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const consumer of this.consumers) await consumer.stop();
    await Promise.all(this.deciders);
    await deleteNamespaceStreams(this.connection, this.namespace);
    await this.connection.drain();
    await this.infra.stop();
    await this.database.stop();
  }
}
