export * from './correlation.middleware';
