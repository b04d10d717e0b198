// Runs every service's migrations: `node services/<svc>/dist/main.js migrate`.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT, SERVICE_NAMES, serviceEnv, serviceMain } from './services.mjs';
import { UserError, color, log } from './run.mjs';
import { spawnService } from './processes.mjs';

/**
 * Migrates the given services concurrently (each has its own database) and
 * resolves when all are done; rejects with a UserError naming every service
 * whose migration failed.
 */
export async function migrateServices({ services = SERVICE_NAMES, adminUrl, natsUrl, prefix, env = process.env, timeoutMs = Number(env.MIGRATE_TIMEOUT_MS || 180_000) } = {}) {
  const missing = services.filter((s) => !existsSync(serviceMain(s)));
  if (missing.length > 0) {
    throw new UserError(`not built: ${missing.map((s) => relative(ROOT, serviceMain(s))).join(', ')} (run \`npx nx run-many -t build\`)`);
  }
  log(`migrating ${services.join(', ')}`);
  const children = new Set();
  const stopAll = (signal) => {
    for (const child of children) child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  const results = await Promise.all(
    services.map(async (name) => {
      const started = Date.now();
      const child = spawnService(name, ['migrate'], { env: serviceEnv(name, { adminUrl, natsUrl, prefix, env }) });
      children.add(child);
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      const { code, signal, error } = await child.exited;
      clearTimeout(timer);
      children.delete(child);
      const ms = Date.now() - started;
      if (error) return { name, ok: false, why: error.message };
      if (code === 0) return { name, ok: true, ms };
      return { name, ok: false, why: signal ? `killed by ${signal}${Date.now() - started >= timeoutMs ? ` after ${timeoutMs} ms` : ''}` : `exit code ${code}` };
    }),
  );
  process.off('SIGINT', stopAll);
  process.off('SIGTERM', stopAll);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    throw new UserError(`migrations failed: ${failed.map((f) => `${f.name} (${f.why})`).join(', ')}`);
  }
  log(`${color.green('migrated')} ${results.map((r) => `${r.name} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`);
  return results;
}
