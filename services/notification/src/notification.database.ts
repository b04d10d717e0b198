import { notificationMigrations } from './migrations';

export const notificationDatabase = { migrations: notificationMigrations };
