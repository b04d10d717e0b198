export * from './nats-connection.token';
export * from './health.module';
