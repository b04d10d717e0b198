#!/usr/bin/env node
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { BusNamespace } from '@openday/contracts';
import { connectNats } from '../connection/connect-nats';
import { DeadLetterStore } from './dead-letters';

const USAGE = `usage: npm run deadletters -- list [--limit N]
       npm run deadletters -- replay <sequence>...
       npm run deadletters -- replay --all [--consumer NAME]
env: NATS_URL (default nats://127.0.0.1:4222), BUS_NAMESPACE (default openday),
     NATS_USER/NATS_PASSWORD (the deadletters user of deploy/nats/accounts.conf; none for an open server)`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'list' && command !== 'replay') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const connection = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'deadletters-cli', {
    user: process.env.NATS_USER,
    password: process.env.NATS_PASSWORD,
  });
  try {
    const store = new DeadLetterStore(
      jetstream(connection),
      await jetstreamManager(connection),
      new BusNamespace(process.env.BUS_NAMESPACE),
    );
    if (command === 'list') {
      const limitAt = rest.indexOf('--limit');
      const limit = limitAt >= 0 ? Number(rest[limitAt + 1]) : 100;
      for (const letter of await store.list(limit)) print(letter);
      return 0;
    }
    const sequences = rest.includes('--all') ? await allSequences(store, rest) : rest.map(Number);
    if (sequences.length === 0 || sequences.some((s) => !Number.isInteger(s) || s < 1)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    for (const sequence of sequences) print({ replayed: await store.replay(sequence) });
    return 0;
  } finally {
    await connection.drain();
  }
}

async function allSequences(store: DeadLetterStore, args: string[]): Promise<number[]> {
  const consumerAt = args.indexOf('--consumer');
  const consumer = consumerAt >= 0 ? args[consumerAt + 1] : undefined;
  const letters = await store.list(Number.MAX_SAFE_INTEGER);
  return letters.filter((l) => !consumer || l.consumer === consumer).map((l) => l.sequence);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String((err as Error)?.message ?? err)}\n`);
    process.exit(1);
  },
);
