/**
 * `npm run seed` (or `node services/gateway/dist/seed/seed.js`): applies the
 * gateway's migrations and creates the demo city idempotently, then prints the
 * demo logins. Uses the gateway's configuration (DATABASE_URL…); refuses NODE_ENV=production.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions, exitOnConfigError, loadConfig, migrateWithLock } from '@openday/platform';
import { GatewayConfig } from '../gateway.config';
import { gatewayDatabase } from '../gateway.database';
import { DEMO_CITIZEN_MOBILE, DEMO_PASSWORD } from './demo-city';
import { seedDemoCity } from './seed-demo-city';

async function main(): Promise<void> {
  const config = exitOnConfigError(() => loadConfig(GatewayConfig));
  if (config.NODE_ENV === 'production') {
    process.stderr.write('The demo seed has well-known passwords and refuses to run with NODE_ENV=production.\n');
    process.exit(1);
  }
  const dataSource = await new DataSource(databaseOptions({ url: config.DATABASE_URL, ...gatewayDatabase })).initialize();
  try {
    await migrateWithLock(dataSource);
    const report = await seedDemoCity(dataSource, config);
    process.stdout.write(
      [
        'Demo city seeded (gateway database):',
        ...report.lines.map((line) => `  ${line}`),
        `Every demo login's password: ${DEMO_PASSWORD}`,
        `Citizens: any mainland mobile (e.g. ${DEMO_CITIZEN_MOBILE}) and the code texted to it`,
        '  (POST /api/v1/auth/citizen/sign-in-codes; locally, read it with `node services/gateway/dist/seed/last-sign-in-code.js <mobile>`).',
        '',
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
