export * from './tokens';
export * from './event-bus.provider';
export * from './bus-shutdown';
export * from './event-subscriber';
export * from './nats-credentials';
