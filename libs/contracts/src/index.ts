export * from './bus-namespace';
export * from './cloud-event';
export * from './event-contract';
export * from './schema-validator';
export * from './catalog';
export * from './events/scheduling/open-day-published.v1';
export * from './rpc/rpc-operations';
export * from './rpc/open-days.rpc';
