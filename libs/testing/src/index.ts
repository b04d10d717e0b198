export * from './reachable';
export * from './infrastructure';
export * from './test-database';
export * from './test-namespace';
export * from './wait-for';
export * from './silent-logger';
export * from './free-port';
export * from './service-process';
