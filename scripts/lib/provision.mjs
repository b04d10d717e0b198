// One PostgreSQL database and one role per service, nothing shared.
//
// For each service: role <prefix>_<svc> (LOGIN, password = role name for local
// use unless `password(svc)` says otherwise), database <prefix>_<svc> owned by
// that role, CONNECT revoked from PUBLIC and granted to the owner only, so one
// service's role cannot even connect to another's database.
// Idempotent, and safe when two runs race (duplicate errors are ignored and
// the runs are serialised with an advisory lock anyway).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DEFAULT_PREFIX, ROOT, SERVICE_NAMES, databaseName } from './services.mjs';

const LOCK_KEY = 0x0de9da7; // pg_advisory_lock key shared by all provisioning runs

function loadPg() {
  const require = createRequire(join(ROOT, 'package.json'));
  return require('pg');
}

const ident = (name) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing unusual identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
};
const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;

// duplicate_object, duplicate_database, unique_violation (catalog race), tuple concurrently updated
const DUPLICATE = new Set(['42710', '42P04', '23505']);
const isConcurrentUpdate = (e) => e?.code === 'XX000' && /concurrently/.test(e.message ?? '');

async function tolerant(client, sql, params) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.query(sql, params);
    } catch (error) {
      if (DUPLICATE.has(error.code)) return null;
      if (isConcurrentUpdate(error) && attempt < 5) {
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
        continue;
      }
      error.message = `${error.message} (while running: ${sql.replace(/PASSWORD '.*?'/, "PASSWORD '…'")})`;
      throw error;
    }
  }
}

async function withAdmin(adminUrl, fn) {
  const pg = loadPg();
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000, application_name: 'openday-provision' });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    return await fn(client);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/**
 * Creates (or repairs) role and database of each service.
 * @param {object} o
 * @param {string} o.adminUrl superuser (or CREATEROLE+CREATEDB) connection URL
 * @param {string[]} [o.services] service names, default all six
 * @param {string} [o.prefix] name prefix, default "openday"
 * @param {(svc: string, role: string) => string} [o.password] password of each role, default the role name
 * @param {(msg: string) => void} [o.log]
 * @returns {Promise<Array<{service, role, database, createdRole, createdDatabase}>>}
 */
export async function provisionDatabases({ adminUrl, services = SERVICE_NAMES, prefix = DEFAULT_PREFIX, password = (_svc, role) => role, log = () => {} } = {}) {
  if (!adminUrl) throw new Error('provisionDatabases: adminUrl is required');
  return withAdmin(adminUrl, async (client) => {
    const results = [];
    for (const svc of services) {
      const role = databaseName(svc, prefix);
      const database = role;
      const roleSql = `LOGIN PASSWORD ${literal(password(svc, role))} NOSUPERUSER NOCREATEDB NOCREATEROLE`;

      const { rowCount: roleExists } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      let createdRole = false;
      if (!roleExists) createdRole = (await tolerant(client, `CREATE ROLE ${ident(role)} ${roleSql}`)) !== null;
      // make sure an existing role can log in with the expected password
      if (!createdRole) await tolerant(client, `ALTER ROLE ${ident(role)} ${roleSql}`);

      const { rows: dbRows } = await client.query('select pg_get_userbyid(datdba) as owner from pg_database where datname = $1', [database]);
      let createdDatabase = false;
      if (dbRows.length === 0) {
        createdDatabase = (await tolerant(client, `CREATE DATABASE ${ident(database)} OWNER ${ident(role)} ENCODING 'UTF8' TEMPLATE template0`)) !== null;
      } else if (dbRows[0].owner !== role) {
        await tolerant(client, `ALTER DATABASE ${ident(database)} OWNER TO ${ident(role)}`);
      }
      await tolerant(client, `REVOKE CONNECT, TEMPORARY ON DATABASE ${ident(database)} FROM PUBLIC`);
      await tolerant(client, `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(role)}`);
      log(`${svc}: role ${role}${createdRole ? ' created' : ' ok'}, database ${database}${createdDatabase ? ' created' : ' ok'}`);
      results.push({ service: svc, role, database, createdRole, createdDatabase });
    }
    return results;
  });
}

/**
 * Drops each service's database (disconnecting its sessions) and, unless
 * keepRoles, its role. Missing ones are ignored.
 */
export async function dropDatabases({ adminUrl, services = SERVICE_NAMES, prefix = DEFAULT_PREFIX, keepRoles = false, log = () => {} } = {}) {
  if (!adminUrl) throw new Error('dropDatabases: adminUrl is required');
  return withAdmin(adminUrl, async (client) => {
    const dropped = [];
    for (const svc of services) {
      const name = databaseName(svc, prefix);
      await tolerant(client, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
      if (!keepRoles) await tolerant(client, `DROP ROLE IF EXISTS ${ident(name)}`);
      log(`${svc}: dropped database ${name}${keepRoles ? '' : ` and role ${name}`}`);
      dropped.push(name);
    }
    return dropped;
  });
}
