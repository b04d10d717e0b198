import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHECK = join(ROOT, 'deploy/compose/check-secrets.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script that compose runs as it is
const { EXAMPLE_SECRETS, exampleSecretsIn } = require(CHECK) as {
  EXAMPLE_SECRETS: Record<string, string[]>;
  exampleSecretsIn(env: Record<string, string | undefined>): string[];
};

type ComposeService = { environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; command?: string[]; volumes?: string[] };
const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const REAL: Record<string, string> = Object.fromEntries(Object.keys(EXAMPLE_SECRETS).map((name) => [name, `real${name.toLowerCase().replace(/_/g, '')}0123456789`]));

/** Every `${NAME:-example}` of a secret (…PASSWORD, …SECRET, …KEY) anywhere in the compose file. */
const secretFallbacks = [...composeText.matchAll(/\$\{([A-Z0-9_]*(?:PASSWORD|SECRET|KEY)):-([^}]*)\}/g)].map(([expression, name, example]) => ({ expression, name, example }));

describe('compose refuses the example secrets in production mode', () => {
  it.each<[string, Record<string, string | undefined>, string[]]>([
    ['development with every example', { NODE_ENV: 'development', JWT_SECRET: EXAMPLE_SECRETS.JWT_SECRET[0] }, []],
    ['NODE_ENV unset', {}, []],
    ['production with real secrets', { NODE_ENV: 'production', ...REAL }, []],
    ['production with the example JWT secret', { NODE_ENV: 'production', ...REAL, JWT_SECRET: EXAMPLE_SECRETS.JWT_SECRET[0] }, ['JWT_SECRET']],
    ['production with the example database password', { NODE_ENV: 'production', ...REAL, POSTGRES_PASSWORD: 'postgres' }, ['POSTGRES_PASSWORD']],
    ['production with an empty key', { NODE_ENV: 'production', ...REAL, PERSONAL_DATA_KEY: '' }, ['PERSONAL_DATA_KEY']],
    ['production with nothing set', { NODE_ENV: 'production' }, Object.keys(EXAMPLE_SECRETS)],
    ['production with an example NATS password', { NODE_ENV: 'production', ...REAL, NATS_VETTING_PASSWORD: 'examplenatsvetting' }, ['NATS_VETTING_PASSWORD']],
  ])('%s', (_label, env, refused) => {
    expect(exampleSecretsIn(env)).toEqual(refused);
  });

  it('exits 1 naming the variables when run with example secrets in production, 0 otherwise', () => {
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [CHECK], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    const refused = run({ NODE_ENV: 'production', ...REAL, MOBILE_HASH_KEY: EXAMPLE_SECRETS.MOBILE_HASH_KEY[0] });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('MOBILE_HASH_KEY is unset or the example value');
    expect(refused.stderr).not.toContain(EXAMPLE_SECRETS.MOBILE_HASH_KEY[0]);
    expect(run({ NODE_ENV: 'production', ...REAL }).status).toBe(0);
  });

  it('knows every example secret the compose file falls back to, and is given each with the same fallback', () => {
    const check = compose.services['secrets-check'].environment!;
    expect(secretFallbacks.length).toBeGreaterThanOrEqual(5);
    for (const { expression, name, example } of secretFallbacks) {
      expect({ name, known: EXAMPLE_SECRETS[name]?.includes(example) }).toEqual({ name, known: true });
      expect({ name, passed: check[name] }).toEqual({ name, passed: expression });
    }
    expect(Object.keys(check).sort()).toEqual(['NODE_ENV', ...Object.keys(EXAMPLE_SECRETS)].sort());
  });

  it('starts no service of the platform before the check has passed', () => {
    const platform = Object.entries(compose.services).filter(([, service]) => service.environment?.DATABASE_URL);
    expect(platform.length).toBeGreaterThanOrEqual(6);
    for (const [name, service] of platform) {
      expect({ name, check: service.depends_on?.['secrets-check'] }).toEqual({ name, check: { condition: 'service_completed_successfully' } });
      expect({ name, mode: service.environment?.NODE_ENV }).toEqual({ name, mode: compose.services['secrets-check'].environment!.NODE_ENV });
    }
  });
});
