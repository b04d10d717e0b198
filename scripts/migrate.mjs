#!/usr/bin/env node
// Runs every service's database migrations (after making sure PostgreSQL and
// NATS answer and the databases exist), then exits.
//
//   npm run migrate [-- svc ...] [-- --no-build]
//
// Builds first (`nx run-many -t build`, cached when nothing changed) unless
// --no-build is given.
import { DEFAULT_PREFIX, isMain, selectServices } from './lib/services.mjs';
import { log, npxCommand, nxEnv, run, runCli } from './lib/run.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureInfrastructure } from './lib/infra.mjs';

if (isMain(import.meta.url)) {
  runCli(async () => {
    const args = process.argv.slice(2);
    const services = selectServices(args.filter((a) => !a.startsWith('--')));
    await ensureDeps({ quiet: true });
    const { adminUrl, natsUrl } = await ensureInfrastructure();
    const { provisionDatabases } = await import('./lib/provision.mjs');
    const prefix = process.env.DB_PREFIX || DEFAULT_PREFIX;
    await provisionDatabases({ adminUrl, services, prefix });
    log(`databases ready for ${services.join(', ')}`);
    if (!args.includes('--no-build')) {
      await run(npxCommand, ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { env: nxEnv(), label: 'nx run-many -t build' });
    }
    const { migrateServices } = await import('./lib/migrate.mjs');
    await migrateServices({ services, adminUrl, natsUrl, prefix });
    return 0;
  });
}
