export * from './problem';
export * from './validation';
export * from './rpc';
export * from './problem.filter';
export * from './catalogue';
