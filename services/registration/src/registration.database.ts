import { registrationMigrations } from './migrations';

export const registrationDatabase = { migrations: registrationMigrations };
