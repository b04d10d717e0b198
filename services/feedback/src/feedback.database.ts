import { feedbackMigrations } from './migrations';

export const feedbackDatabase = { entities: [], migrations: feedbackMigrations };
