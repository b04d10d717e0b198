// Starts the bare baseline (baseline-server.mjs) in a child process, on a table in
// a throw-away database and a stream in the bench's bus namespace (deleted with it).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { createTestDatabase } from '@openday/testing';
import pg from 'pg';

export async function startBaseline({ adminDatabaseUrl, natsUrl, connection, namespace, poolSize }) {
  const database = await createTestDatabase(adminDatabaseUrl, 'bench_baseline');
  const setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  await setup.query('CREATE TABLE baseline_applications (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
  await setup.end();
  const subject = `${namespace.root}.bench.baseline`;
  const jsm = await jetstreamManager(connection);
  await jsm.streams.add({ name: `${namespace.root.toUpperCase()}_BENCH_BASELINE`, subjects: [subject], storage: StorageType.File });

  const child = spawn(process.execPath, [new URL('./baseline-server.mjs', import.meta.url).pathname], {
    env: { ...process.env, DATABASE_URL: database.url, NATS_URL: natsUrl, SUBJECT: subject, POOL_SIZE: String(poolSize) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the baseline server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/applications`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await database.drop();
    },
  };
}
