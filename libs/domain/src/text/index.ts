export * from './text-policy';
export * from './person-name';
export * from './free-text';
