// The bare baseline: a plain Node HTTP server that, per POST, inserts one row in
// PostgreSQL (a pg Pool of POOL_SIZE) and publishes one JetStream message (awaiting
// its ack), then answers 201. What the platform's intake is compared with.
// Env: DATABASE_URL, NATS_URL, SUBJECT, POOL_SIZE. Prints "listening <port>".
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const nc = await connect({ servers: process.env.NATS_URL, name: 'bench-baseline' });
const js = jetstream(nc);
const subject = process.env.SUBJECT;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const id = randomUUID();
      await pool.query('INSERT INTO baseline_applications (id, body) VALUES ($1, $2)', [id, body]);
      await js.publish(subject, JSON.stringify({ id, body }), { msgID: id });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error.message) }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void Promise.all([pool.end(), nc.drain()]).finally(() => process.exit(0));
});
