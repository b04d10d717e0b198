export * from './load-config';
export * from './env-transforms';
export * from './base-service-config';
