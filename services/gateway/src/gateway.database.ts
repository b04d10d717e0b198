import { gatewayMigrations } from './migrations';

export const gatewayDatabase = { migrations: gatewayMigrations };
