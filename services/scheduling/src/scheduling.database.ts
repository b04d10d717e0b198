import { schedulingMigrations } from './migrations';

export const schedulingDatabase = { entities: [], migrations: schedulingMigrations };
