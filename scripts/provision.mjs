#!/usr/bin/env node
// Creates each service's PostgreSQL role and database (idempotent).
//
//   node scripts/provision.mjs [svc ...]            provision (default: all six)
//   node scripts/provision.mjs --drop [svc ...]     drop databases and roles
//   node scripts/provision.mjs --drop --keep-roles  drop databases only
//
// Connects with DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres;
// PGHOST/PGPORT override host and port); DB_PREFIX changes the "openday" prefix.
import { adminUrlFromEnv, isMain, selectServices, DEFAULT_PREFIX } from './lib/services.mjs';
import { log, runCli } from './lib/run.mjs';
import { dropDatabases, provisionDatabases } from './lib/provision.mjs';

export { provisionDatabases, dropDatabases };

if (isMain(import.meta.url)) {
  runCli(async () => {
    const args = process.argv.slice(2);
    const drop = args.includes('--drop');
    const keepRoles = args.includes('--keep-roles');
    const services = selectServices(args.filter((a) => !a.startsWith('--')));
    const adminUrl = adminUrlFromEnv();
    const prefix = process.env.DB_PREFIX || DEFAULT_PREFIX;
    const where = new URL(adminUrl).host;
    if (drop) {
      await dropDatabases({ adminUrl, services, prefix, keepRoles, log });
      log(`dropped ${services.length} database(s) on ${where}`);
    } else {
      await provisionDatabases({ adminUrl, services, prefix, log });
      log(`provisioned ${services.length} database(s) on ${where}`);
    }
    return 0;
  });
}
