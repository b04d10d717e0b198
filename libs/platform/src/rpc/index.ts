export * from './rpc-pattern';
export * from './rpc-correlation.interceptor';
export * from './rpc-client';
