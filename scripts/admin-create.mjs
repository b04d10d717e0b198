#!/usr/bin/env node
// `npm run admin:create -- --username <name> [--agency city-office] [--another]`:
// the gateway's `admin:create` command (services/gateway/src/admin) against the
// gateway's database: DATABASE_URL if set, else the local one `npm start` uses.
// The password is prompted for, piped on standard input, or OPENDAY_ADMIN_PASSWORD.
// In a container: `node dist/main.js admin:create …` (see deploy/README.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { adminUrlFromEnv, DEFAULT_PREFIX, serviceDatabaseUrl, serviceMain } from './lib/services.mjs';

const main = serviceMain('gateway');
if (!existsSync(main)) {
  process.stderr.write(`${main} is missing: build the gateway first (npx nx run @openday/gateway:build)\n`);
  process.exit(1);
}
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || serviceDatabaseUrl('gateway', { adminUrl: adminUrlFromEnv(), prefix: process.env.DB_PREFIX || DEFAULT_PREFIX }),
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
};
const { status } = spawnSync(process.execPath, [main, 'admin:create', ...process.argv.slice(2)], { env, stdio: 'inherit' });
process.exit(status ?? 1);
