export * from './retention-config';
export * from './personal-data-retention-task';
