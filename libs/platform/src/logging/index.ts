export * from './pino-options';
export * from './logger.module';
