import { feedbackMigrations } from './migrations';

export const feedbackDatabase = { migrations: feedbackMigrations };
