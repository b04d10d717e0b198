import { natsAuthOptions, type NatsCredentials } from '@openday/messaging';
import type { BaseServiceConfig } from '../config';

export function natsCredentialsOf(config: BaseServiceConfig): NatsCredentials {
  return { user: config.NATS_USER, password: config.NATS_PASSWORD };
}

/** The options every NATS client of a service passes on: the event bus, Nest's transport and the gateway's client. */
export function natsClientOptions(config: BaseServiceConfig, name: string) {
  return { servers: config.NATS_URL, name, ...natsAuthOptions(natsCredentialsOf(config)) };
}
