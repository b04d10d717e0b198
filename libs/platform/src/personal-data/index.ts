export * from './field-cipher';
export * from './keyed-hash';
export * from './personal-data-config';
export * from './personal-data.provider';
export * from './personal-data-erasure.module';
