export * from './database-options';
export * from './run-migrations';
