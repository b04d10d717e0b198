export * from './parse-result';
export * from './resident-id';
export * from './mobile';
export * from './credit-code';
export * from './masking';
export * from './age-rule';
