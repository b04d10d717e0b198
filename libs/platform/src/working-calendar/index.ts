export * from './working-calendar-copy.sql';
export * from './working-calendar-copy.subscriber';
export * from './working-calendar-source';
export * from './working-calendar-copy.module';
