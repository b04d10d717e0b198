import { gatewayMigrations } from './migrations';

export const gatewayDatabase = { entities: [], migrations: gatewayMigrations };
