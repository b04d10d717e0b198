import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { BusNamespace } from '@openday/contracts';

/** A bus namespace of its own per suite: its own subjects, streams and consumers. */
export function testNamespace(): BusNamespace {
  return new BusNamespace(`t${randomBytes(5).toString('hex')}`);
}

export async function deleteNamespaceStreams(connection: NatsConnection, namespace: BusNamespace): Promise<void> {
  const jsm = await jetstreamManager(connection);
  const prefix = `${namespace.root.toUpperCase()}_`;
  for await (const name of jsm.streams.names()) {
    if (name.startsWith(prefix)) await jsm.streams.delete(name);
  }
}
