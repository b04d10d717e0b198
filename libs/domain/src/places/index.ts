export * from './places-left';
