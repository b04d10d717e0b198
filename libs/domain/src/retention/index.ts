export * from './personal-data-retention';
