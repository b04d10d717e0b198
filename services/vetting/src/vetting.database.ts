import { vettingMigrations } from './migrations';

export const vettingDatabase = { migrations: vettingMigrations };
