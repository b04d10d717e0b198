import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';

/** A service's NATS user (deploy/nats/accounts.conf); none against an open local server. */
export interface NatsCredentials {
  user?: string;
  password?: string;
}

/**
 * What every NATS connection of a service passes to `connect` (the event bus's
 * and Nest's transport alike): its user, and an inbox of its own, since a user
 * may subscribe to `_INBOX_<user>.>` only and so never sees another's replies.
 */
export function natsAuthOptions(credentials: NatsCredentials = {}): Pick<ConnectionOptions, 'user' | 'pass' | 'inboxPrefix'> {
  if (!credentials.user) return {};
  return { user: credentials.user, pass: credentials.password, inboxPrefix: `_INBOX_${credentials.user}` };
}

export async function connectNats(
  url: string | string[],
  name: string,
  credentials: NatsCredentials = {},
): Promise<NatsConnection> {
  return connect({
    servers: (Array.isArray(url) ? url : url.split(',')).map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    ...natsAuthOptions(credentials),
  });
}
