import { registrationMigrations } from './migrations';

export const registrationDatabase = { entities: [], migrations: registrationMigrations };
