export * from './metrics.module';
export * from './http-metrics.interceptor';
export * from './rpc-metrics.interceptor';
