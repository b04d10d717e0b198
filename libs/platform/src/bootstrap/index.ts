export * from './service-core.module';
export * from './run-service';
