/**
 * DI token for the service's `NatsConnection` (`@nats-io/transport-node`),
 * provided by the messaging module. A string rather than a symbol, so the
 * provider and the health check agree even if the library is loaded twice.
 */
export const NATS_CONNECTION = 'NATS_CONNECTION';
