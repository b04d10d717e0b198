#!/usr/bin/env node
import { jetstreamManager } from '@nats-io/jetstream';
import { BusNamespace } from '@openday/contracts';
import { connectNats } from '../connection/connect-nats';
import { defaultStreamSettings, provisionReplayStream } from './provision-streams';

const USAGE = `usage: npm run nats:replay-stream
Creates (or updates) the subscriber account's replay stream of the public events.
env: NATS_URL, NATS_USER/NATS_PASSWORD (the subscribers-admin user of deploy/nats/accounts.conf),
     BUS_NAMESPACE (default openday), PUBLIC_STREAM_MAX_AGE_HOURS (default 2160), STREAM_REPLICAS (default 1)`;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be an integer of at least 1\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  if (process.argv.length > 2) throw new Error(USAGE);
  const settings = {
    ...defaultStreamSettings,
    replicas: positiveInteger('STREAM_REPLICAS', defaultStreamSettings.replicas),
    maxAgeHours: {
      ...defaultStreamSettings.maxAgeHours,
      public: positiveInteger('PUBLIC_STREAM_MAX_AGE_HOURS', defaultStreamSettings.maxAgeHours.public),
    },
  };
  const connection = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'replay-stream-cli', {
    user: process.env.NATS_USER,
    password: process.env.NATS_PASSWORD,
  });
  try {
    const name = await provisionReplayStream(await jetstreamManager(connection), new BusNamespace(process.env.BUS_NAMESPACE), settings);
    process.stdout.write(`${JSON.stringify({ stream: name, maxAgeHours: settings.maxAgeHours.public })}\n`);
  } finally {
    await connection.drain();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.message ?? err)}\n`);
  process.exit(1);
});
