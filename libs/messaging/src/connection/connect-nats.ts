import { connect, type NatsConnection } from '@nats-io/transport-node';

export async function connectNats(url: string | string[], name: string): Promise<NatsConnection> {
  return connect({
    servers: (Array.isArray(url) ? url : url.split(',')).map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
  });
}
