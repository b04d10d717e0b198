import { randomBytes } from 'node:crypto';
import { BaseServiceConfig, ConfigError, loadConfig } from '../config';
import {
  DEVELOPMENT_PERSONAL_DATA_KEYS,
  developmentPersonalDataKeys,
  personalDataProtection,
  personalDataProtectionFromEnvironment,
  WithPersonalDataKeys,
} from './personal-data-config';

class ExampleConfig extends WithPersonalDataKeys(BaseServiceConfig) {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/example';
  override NATS_URL = ['nats://127.0.0.1:4222'];
}

const KEY = randomBytes(32).toString('base64');
const HASH_KEY = randomBytes(32).toString('base64');

function problemsFor(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(ExampleConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('WithPersonalDataKeys', () => {
  it('reads both keys and keeps the base class variables', () => {
    const config = loadConfig(ExampleConfig, {
      NODE_ENV: 'production',
      PERSONAL_DATA_KEY: KEY,
      PERSONAL_DATA_HASH_KEY: HASH_KEY,
      STREAM_REPLICAS: '3',
      NATS_USER: 'registration',
      NATS_PASSWORD: 'nats-password',
    });
    expect(config).toMatchObject({ PERSONAL_DATA_KEY: KEY, PERSONAL_DATA_HASH_KEY: HASH_KEY, PORT: 3001, STREAM_REPLICAS: 3 });
    expect(developmentPersonalDataKeys(config)).toEqual([]);
    const { cipher, hasher } = personalDataProtection(config);
    expect(cipher.decrypt(cipher.encrypt('13812345678'))).toBe('13812345678');
    expect(hasher.hash('x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([undefined, 'development', 'test'])('falls back to the development keys when NODE_ENV is %p, and says so', (nodeEnv) => {
    const config = loadConfig(ExampleConfig, { NODE_ENV: nodeEnv });
    expect(config).toMatchObject(DEVELOPMENT_PERSONAL_DATA_KEYS);
    expect(developmentPersonalDataKeys(config)).toEqual(['PERSONAL_DATA_KEY', 'PERSONAL_DATA_HASH_KEY']);
    expect(developmentPersonalDataKeys(loadConfig(ExampleConfig, { PERSONAL_DATA_KEY: KEY }))).toEqual(['PERSONAL_DATA_HASH_KEY']);
  });

  it.each([
    [{ NODE_ENV: 'production' }, [
      'PERSONAL_DATA_KEY must be set when NODE_ENV=production (32 random bytes, base64, e.g. from `openssl rand -base64 32`)',
      'PERSONAL_DATA_HASH_KEY must be set when NODE_ENV=production (32 random bytes, base64, e.g. from `openssl rand -base64 32`)',
    ]],
    [{ NODE_ENV: 'production', PERSONAL_DATA_KEY: KEY }, [
      'PERSONAL_DATA_HASH_KEY must be set when NODE_ENV=production (32 random bytes, base64, e.g. from `openssl rand -base64 32`)',
    ]],
    [{ NODE_ENV: 'production', ...DEVELOPMENT_PERSONAL_DATA_KEYS }, [
      'PERSONAL_DATA_KEY must not be the development key when NODE_ENV=production',
      'PERSONAL_DATA_HASH_KEY must not be the development key when NODE_ENV=production',
    ]],
    [{ PERSONAL_DATA_KEY: 'c2hvcnQ=' }, [
      'PERSONAL_DATA_KEY must be 32 bytes in base64, e.g. from `openssl rand -base64 32` (got 8 characters; the value is a secret and not shown)',
    ]],
    [{ PERSONAL_DATA_KEY: KEY, PERSONAL_DATA_HASH_KEY: randomBytes(32).toString('hex') }, [
      'PERSONAL_DATA_HASH_KEY must be 32 bytes in base64, e.g. from `openssl rand -base64 32` (got 64 characters; the value is a secret and not shown)',
    ]],
    [{ PERSONAL_DATA_KEY: KEY, PERSONAL_DATA_HASH_KEY: KEY }, ['PERSONAL_DATA_HASH_KEY must differ from PERSONAL_DATA_KEY']],
  ])('stops start-up naming the variable: %#', (env, problems) => {
    expect(problemsFor(env)).toEqual(problems);
  });

  it('never quotes a key in the error', () => {
    const almost = KEY.slice(0, -4);
    let message = '';
    try {
      loadConfig(ExampleConfig, { NODE_ENV: 'production', PERSONAL_DATA_KEY: almost, PERSONAL_DATA_HASH_KEY: HASH_KEY });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PERSONAL_DATA_KEY must be 32 bytes in base64');
    expect(message).not.toContain(almost);
    expect(message).not.toContain(HASH_KEY);
  });

  it('accepts base64url keys and ignores surrounding whitespace', () => {
    const key = randomBytes(32);
    const config = loadConfig(ExampleConfig, { PERSONAL_DATA_KEY: ` ${key.toString('base64url')}\n`, PERSONAL_DATA_HASH_KEY: HASH_KEY });
    expect(config.PERSONAL_DATA_KEY).toBe(key.toString('base64url'));
  });
});

describe('personalDataProtectionFromEnvironment (for migrations)', () => {
  it('reads the same keys as the config: a value encrypted by one decrypts with the other', () => {
    const env = { PERSONAL_DATA_KEY: KEY, PERSONAL_DATA_HASH_KEY: HASH_KEY };
    const fromConfig = personalDataProtection(loadConfig(ExampleConfig, env));
    const fromEnvironment = personalDataProtectionFromEnvironment(env);
    expect(fromEnvironment.cipher.decrypt(fromConfig.cipher.encrypt('张三', 'name'), 'name')).toBe('张三');
    expect(fromEnvironment.hasher.hash('x')).toBe(fromConfig.hasher.hash('x'));
  });

  it('falls back to the development keys outside production, as the config does', () => {
    const fromConfig = personalDataProtection(loadConfig(ExampleConfig, {}));
    expect(personalDataProtectionFromEnvironment({}).cipher.decrypt(fromConfig.cipher.encrypt('李四'))).toBe('李四');
  });

  it('refuses a missing key in production, naming it', () => {
    expect(() => personalDataProtectionFromEnvironment({ NODE_ENV: 'production', PERSONAL_DATA_KEY: KEY })).toThrow(/PERSONAL_DATA_HASH_KEY must be set/);
  });
});
