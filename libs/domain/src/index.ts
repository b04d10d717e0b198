export * from './identity';
export * from './text';
export * from './validation';
export * from './calendar';
export * from './places';
export * from './plans';
export * from './selection';
export * from './retention';
