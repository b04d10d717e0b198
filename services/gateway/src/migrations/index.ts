import { AccountsAndAccess1764200000000 } from './1764200000000-accounts-and-access';

/** The gateway's own tables, after the messaging tables every service has. */
export const gatewayMigrations = [
  AccountsAndAccess1764200000000,
];
