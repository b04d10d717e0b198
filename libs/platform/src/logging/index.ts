export * from './pino-options';
export * from './logger.module';
export * from './safe-serializers';
