import { vettingMigrations } from './migrations';

export const vettingDatabase = { entities: [], migrations: vettingMigrations };
