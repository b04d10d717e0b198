/** The gateway owns only the messaging tables so far; accounts and the audit log arrive with their features. */
export const gatewayMigrations = [];
