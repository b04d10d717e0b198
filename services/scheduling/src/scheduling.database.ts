import { schedulingMigrations } from './migrations';

export const schedulingDatabase = { migrations: schedulingMigrations };
