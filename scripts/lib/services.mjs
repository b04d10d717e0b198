// The deployables of the Open Day platform and how they are wired locally.
// Plain Node ESM, built-ins only: used before dependencies are installed.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root (scripts/lib/ is two levels below it). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every deployable with its default HTTP port, in start order. */
export const SERVICES = Object.freeze([
  { name: 'registration', port: 3001 },
  { name: 'vetting', port: 3002 },
  { name: 'scheduling', port: 3003 },
  { name: 'notification', port: 3004 },
  { name: 'feedback', port: 3005 },
  { name: 'gateway', port: 3000 },
]);

export const SERVICE_NAMES = Object.freeze(SERVICES.map((s) => s.name));

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_PREFIX = 'openday';

export function service(name) {
  const svc = SERVICES.find((s) => s.name === name);
  if (!svc) throw new Error(`unknown service "${name}" (known: ${SERVICE_NAMES.join(', ')})`);
  return svc;
}

/** Role name = database name = password for local use: openday_<svc>. */
export function databaseName(name, prefix = DEFAULT_PREFIX) {
  return `${prefix}_${name}`;
}

/** Admin URL from DATABASE_ADMIN_URL, with PGHOST/PGPORT overriding host and port. */
export function adminUrlFromEnv(env = process.env) {
  const url = new URL(env.DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL);
  if (env.PGHOST && !env.PGHOST.startsWith('/')) url.hostname = env.PGHOST;
  if (env.PGPORT) url.port = String(env.PGPORT);
  return url.toString();
}

export function natsUrlFromEnv(env = process.env) {
  return env.NATS_URL || DEFAULT_NATS_URL;
}

/**
 * DATABASE_URL of one service: its own role and database on the same server as
 * the admin URL. `<SVC>_DATABASE_URL` (e.g. REGISTRATION_DATABASE_URL) overrides it.
 */
export function serviceDatabaseUrl(name, { adminUrl = adminUrlFromEnv(), prefix = DEFAULT_PREFIX, env = process.env } = {}) {
  const override = env[`${name.toUpperCase()}_DATABASE_URL`];
  if (override) return override;
  const admin = new URL(adminUrl);
  const db = databaseName(name, prefix);
  const url = new URL(`postgres://${admin.host}/${db}`);
  url.username = db;
  url.password = db;
  // keep connection options such as sslmode
  for (const [k, v] of admin.searchParams) url.searchParams.set(k, v);
  return url.toString();
}

/** Where `nx run @openday/web:build` puts the citizen portal; the gateway serves it at / (its PORTAL_DIR). */
export function portalDir(root = ROOT) {
  return join(root, 'services', 'web', 'dist');
}

/** Whether the portal has been built: the gateway serves nothing at / without its index.html. */
export function portalBuilt(dir = portalDir()) {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Environment of one service process: the caller's env plus its own PORT and DATABASE_URL;
 * the gateway also gets PORTAL_DIR (the caller's, else services/web/dist).
 */
export function serviceEnv(name, { adminUrl, natsUrl, prefix = DEFAULT_PREFIX, env = process.env, extra = {} } = {}) {
  const { port } = service(name);
  const childEnv = { ...env };
  // never hand one service's settings to another
  delete childEnv.PORT;
  delete childEnv.DATABASE_URL;
  return {
    ...childEnv,
    NODE_ENV: env.NODE_ENV || 'development',
    PORT: String(port),
    DATABASE_URL: serviceDatabaseUrl(name, { adminUrl: adminUrl ?? adminUrlFromEnv(env), prefix, env }),
    NATS_URL: natsUrl ?? natsUrlFromEnv(env),
    ...(name === 'gateway' ? { PORTAL_DIR: env.PORTAL_DIR || portalDir() } : {}),
    ...extra,
  };
}

/** Path of a service's compiled entry point. */
export function serviceMain(name, root = ROOT) {
  return join(root, 'services', name, 'dist', 'main.js');
}

export function serviceExists(name, root = ROOT) {
  return existsSync(join(root, 'services', name, 'package.json'));
}

/** True when the module with this import.meta.url is the script node was started with. */
export function isMain(metaUrl) {
  if (!process.argv[1]) return false;
  try {
    return metaUrl === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

/** Parses a comma-separated service list (CLI args or SERVICES env); empty means all. */
export function selectServices(list) {
  const names = (Array.isArray(list) ? list : String(list ?? '').split(','))
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return [...SERVICE_NAMES];
  for (const n of names) service(n);
  return names;
}
