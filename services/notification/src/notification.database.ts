import { notificationMigrations } from './migrations';

export const notificationDatabase = { entities: [], migrations: notificationMigrations };
