export * from './load-config';
export * from './env-transforms';
export * from './env-int';
export * from './base-service-config';
