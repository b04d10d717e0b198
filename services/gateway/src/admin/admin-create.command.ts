import { DataSource } from 'typeorm';
import { databaseOptions, migrateWithLock, SystemClock } from '@openday/platform';
import type { GatewayConfig } from '../gateway.config';
import { gatewayDatabase } from '../gateway.database';
import { ADMIN_CREATE_USAGE, parseAdminCreateArgs } from './admin-create-options';
import { readAdminPassword } from './admin-password';
import { createAdministrator } from './create-administrator';

export const EXIT_CREATED = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;
export const EXIT_REFUSED = 3;

/**
 * `node dist/main.js admin:create --username …` (and `npm run admin:create -- …`):
 * the first city-office administrator of a new installation. Applies the
 * gateway's migrations first, as the demo seed does, so it works on an empty database.
 */
export async function adminCreateCommand(config: GatewayConfig, args: string[]): Promise<number> {
  const out = (line: string) => process.stderr.write(`${line}\n`);
  const parsed = parseAdminCreateArgs(args);
  if ('error' in parsed) {
    out(`admin:create: ${parsed.error}\n\n${ADMIN_CREATE_USAGE}`);
    return EXIT_INVALID;
  }
  const password = await readAdminPassword(process.env, process.stdin, process.stderr);
  if (password === undefined) return EXIT_INVALID;

  let dataSource: DataSource | undefined;
  try {
    dataSource = await new DataSource(databaseOptions({ url: config.DATABASE_URL, ...gatewayDatabase })).initialize();
    await migrateWithLock(dataSource);
    const result = await createAdministrator(dataSource, config, new SystemClock(), parsed.options, password);
    switch (result.outcome) {
      case 'invalid':
        out(`admin:create: not created:\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`);
        return EXIT_INVALID;
      case 'administrator-exists':
        out(`admin:create: not created: the city office already has an administrator (${result.usernames.join(', ')}). Add --another to create one more.`);
        return EXIT_REFUSED;
      case 'username-taken':
        out(`admin:create: not created: the username ${parsed.options.username} is taken.`);
        return EXIT_REFUSED;
    }
    if (result.agencyCreated) out(`admin:create: created the city office's agency (${result.account.agencyId}).`);
    out(`admin:create: created city-office administrator ${result.account.username} (${result.account.id}); sign in to the console with it.`);
    return EXIT_CREATED;
  } catch (err) {
    out(`admin:create failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILED;
  } finally {
    await dataSource?.destroy();
  }
}
