#!/usr/bin/env node
// Commit → handler latency and throughput through one outbox relay and one
// durable consumer, on the real PostgreSQL and NATS. Prints numbers; asserts nothing.
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { OpenDayPublishedV1 } from '@openday/contracts';
import {
  connectNats,
  EventConsumer,
  MessagingTables1763900000000,
  Outbox,
  OutboxRelay,
  provisionDeadLetterStream,
  provisionEventStream,
} from '@openday/messaging';
import { createTestDatabase, deleteNamespaceStreams, testInfrastructure, testLogger, testNamespace } from '@openday/testing';

const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 1000);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 10000);
const BATCH = 100;

const committedAt = new Map();
const handledAt = new Map();

const handler = {
  purpose: 'bench',
  consumes: [OpenDayPublishedV1.contract],
  async handle(event) {
    handledAt.set(event.id, performance.now());
  },
};

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function until(predicate) {
  while (!predicate()) await new Promise((r) => setTimeout(r, 2));
}

function openDay(i) {
  return { openDayId: crypto.randomUUID(), title: `Bench ${i}`, agencyId: 'bench', date: '2026-12-01', publishedAt: new Date().toISOString() };
}

async function main() {
  const infra = await testInfrastructure();
  const database = await createTestDatabase(infra.adminDatabaseUrl, 'bench');
  const namespace = testNamespace();
  const logger = testLogger();
  const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [MessagingTables1763900000000], migrationsRun: true });
  await dataSource.initialize();
  const connection = await connectNats(infra.natsUrl, 'bench');
  const js = jetstream(connection);
  const jsm = await jetstreamManager(connection);
  await provisionEventStream(jsm, namespace, 'scheduling');
  await provisionDeadLetterStream(jsm, namespace);
  const outbox = new Outbox(namespace);
  const relay = new OutboxRelay({ databaseUrl: database.url, jetstream: js, logger, service: 'scheduling' });
  const consumer = new EventConsumer({ service: 'bench', handler, namespace, dataSource, jetstream: js, jetstreamManager: jsm, logger });
  await relay.start();
  await consumer.start();

  try {
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const data = openDay(i);
      const id = await dataSource.transaction((m) => outbox.add(m, OpenDayPublishedV1.contract, data, { aggregateId: data.openDayId }));
      committedAt.set(id, performance.now());
      await until(() => handledAt.has(id));
    }
    const latencies = [...committedAt].map(([id, t]) => handledAt.get(id) - t).sort((a, b) => a - b);

    committedAt.clear();
    handledAt.clear();
    const started = performance.now();
    for (let done = 0; done < THROUGHPUT_EVENTS; done += BATCH) {
      await dataSource.transaction(async (m) => {
        for (let i = 0; i < BATCH; i++) {
          const data = openDay(done + i);
          await outbox.add(m, OpenDayPublishedV1.contract, data, { aggregateId: data.openDayId });
        }
      });
    }
    const committed = performance.now();
    await until(() => handledAt.size >= THROUGHPUT_EVENTS);
    const finished = performance.now();

    const ms = (v) => `${v.toFixed(2)} ms`;
    const report = {
      'latency events (one transaction each, waited one by one)': LATENCY_EVENTS,
      'commit → handler p50': ms(percentile(latencies, 50)),
      'commit → handler p99': ms(percentile(latencies, 99)),
      'commit → handler max': ms(latencies.at(-1)),
      'throughput events (transactions of 100)': THROUGHPUT_EVENTS,
      'commit rate (events/s)': Math.round(THROUGHPUT_EVENTS / ((committed - started) / 1000)),
      'end-to-end rate, first commit → last handled (events/s)': Math.round(THROUGHPUT_EVENTS / ((finished - started) / 1000)),
    };
    for (const [name, value] of Object.entries(report)) process.stdout.write(`${name.padEnd(58)} ${value}\n`);
  } finally {
    await consumer.stop();
    await relay.stop();
    await deleteNamespaceStreams(connection, namespace);
    await connection.drain();
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
