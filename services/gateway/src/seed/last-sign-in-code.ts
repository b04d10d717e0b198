/**
 * Local development only: `node services/gateway/dist/seed/last-sign-in-code.js 13800138000`
 * prints the latest sign-in code texted to a number, read from the internal
 * event on the bus (what the notification service turns into an SMS), so a
 * developer can sign in as a citizen without an SMS provider. There is no HTTP
 * way to read codes. Refuses NODE_ENV=production.
 */
import 'reflect-metadata';
import { jetstreamManager } from '@nats-io/jetstream';
import { BusNamespace, SignInCodeRequestedV1, type CloudEvent } from '@openday/contracts';
import { normalizeMobile } from '@openday/domain';
import { connectNats } from '@openday/messaging';
import { exitOnConfigError, loadConfig, natsCredentialsOf } from '@openday/platform';
import { GatewayConfig } from '../gateway.config';

const SCAN_LIMIT = 5000;

async function main(): Promise<void> {
  const config = exitOnConfigError(() => loadConfig(GatewayConfig));
  if (config.NODE_ENV === 'production') throw new Error('refused: NODE_ENV=production');
  const mobile = normalizeMobile(process.argv[2] ?? '');
  if (!mobile.ok) throw new Error(`usage: last-sign-in-code.js <mobile>: ${mobile.message}`);
  const namespace = new BusNamespace(config.BUS_NAMESPACE);
  const subject = SignInCodeRequestedV1.contract.subjectIn(namespace);
  const stream = namespace.eventStream('gateway', 'internal');
  const connection = await connectNats(config.NATS_URL, 'gateway-dev-sign-in-code', natsCredentialsOf(config));
  try {
    const jsm = await jetstreamManager(connection);
    const info = await jsm.streams.info(stream).catch(() => {
      throw new Error(`no stream ${stream} on ${config.NATS_URL.join(',')}: is the gateway running with BUS_NAMESPACE=${config.BUS_NAMESPACE}?`);
    });
    const first = Math.max(info.state.first_seq, info.state.last_seq - SCAN_LIMIT);
    for (let seq = info.state.last_seq; seq >= first && seq > 0; seq--) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (!message || message.subject !== subject) continue;
      const event = message.json<CloudEvent<SignInCodeRequestedV1>>();
      if (event.data.mobile !== mobile.value) continue;
      process.stdout.write(`${event.data.code}  (expires ${event.data.expiresAt})\n`);
      return;
    }
    throw new Error('no sign-in code was requested for this number recently');
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
