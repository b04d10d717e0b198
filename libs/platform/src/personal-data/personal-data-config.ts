import { Expose, Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import { ConfigError, type BaseServiceConfig } from '../config';
import { decodeKey, FieldCipher } from './field-cipher';
import { KeyedHasher } from './keyed-hash';

/**
 * Well-known keys for local runs and tests only: anyone can read them here,
 * so they protect nothing. Refused when NODE_ENV=production.
 */
export const DEVELOPMENT_PERSONAL_DATA_KEYS = {
  PERSONAL_DATA_KEY: 'ZGV2ZWxvcG1lbnQtb25seS1wZXJzb25hbC1kYXRhLWs=',
  PERSONAL_DATA_HASH_KEY: 'ZGV2ZWxvcG1lbnQtb25seS1wZXJzb25hbC1oYXNoLWs=',
} as const;

export type PersonalDataKeyVariable = keyof typeof DEVELOPMENT_PERSONAL_DATA_KEYS;
const VARIABLES = Object.keys(DEVELOPMENT_PERSONAL_DATA_KEYS) as PersonalDataKeyVariable[];

type Env = Record<string, unknown>;

/**
 * Every problem with the two keys, each naming its variable. Values are never
 * quoted: a malformed key may still be most of a real one.
 */
export function personalDataKeyProblems(env: Env): string[] {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  for (const variable of VARIABLES) {
    const raw = env[variable];
    if (raw === undefined || raw === '') {
      if (production) problems.push(`${variable} must be set when NODE_ENV=production (32 random bytes, base64, e.g. from \`openssl rand -base64 32\`)`);
      continue;
    }
    if (typeof raw !== 'string' || !decodeKey(raw)) {
      const length = typeof raw === 'string' ? `${raw.length} characters` : typeof raw;
      problems.push(`${variable} must be 32 bytes in base64, e.g. from \`openssl rand -base64 32\` (got ${length}; the value is a secret and not shown)`);
      continue;
    }
    if (production && decodeKey(raw)!.equals(decodeKey(DEVELOPMENT_PERSONAL_DATA_KEYS[variable])!)) {
      problems.push(`${variable} must not be the development key when NODE_ENV=production`);
    }
  }
  const key = decodeKey(String(env.PERSONAL_DATA_KEY ?? ''));
  const hashKey = decodeKey(String(env.PERSONAL_DATA_HASH_KEY ?? ''));
  if (key && hashKey && key.equals(hashKey)) {
    problems.push('PERSONAL_DATA_HASH_KEY must differ from PERSONAL_DATA_KEY');
  }
  return problems;
}

/**
 * Reads one key variable. Runs while loadConfig turns the environment into the
 * config object: a missing or malformed key stops start-up with a ConfigError
 * naming the variable (thrown here rather than left to class-validator,
 * whose report would quote the secret value). Outside production an unset key
 * falls back to the development key; `developmentPersonalDataKeys` tells the
 * service to log a warning.
 */
function PersonalDataKey(variable: PersonalDataKeyVariable): PropertyDecorator {
  const expose = Expose();
  const transform = Transform(({ obj }: { obj: Env }) => {
    const problems = personalDataKeyProblems(obj);
    if (problems.length > 0) throw new ConfigError(problems);
    const raw = obj[variable];
    return typeof raw === 'string' && raw !== '' ? raw.trim() : DEVELOPMENT_PERSONAL_DATA_KEYS[variable];
  });
  return (target, property) => {
    expose(target, property);
    transform(target, property);
    IsString()(target, property);
  };
}

/** The variables a config class gains from `WithPersonalDataKeys`. */
export interface PersonalDataKeysConfig {
  NODE_ENV?: string;
  /** AES-256-GCM key (key version 1) for ID numbers, phones and other personal data at rest. */
  PERSONAL_DATA_KEY: string;
  /** HMAC-SHA256 key for the keyed hashes used in look-ups and duplicate checks. */
  PERSONAL_DATA_HASH_KEY: string;
}

// A TypeScript mixin's constructor type must take `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ConfigClass<T extends BaseServiceConfig = BaseServiceConfig> = new (...args: any[]) => T;

/**
 * Adds PERSONAL_DATA_KEY and PERSONAL_DATA_HASH_KEY to a service's config:
 *
 *   class RegistrationConfig extends WithPersonalDataKeys(BaseServiceConfig) { … }
 *
 * Required when NODE_ENV=production (and must not be the development keys
 * there); elsewhere they default to the development keys.
 */
export function WithPersonalDataKeys<TBase extends ConfigClass>(Base: TBase) {
  class PersonalDataConfig extends Base implements PersonalDataKeysConfig {
    @PersonalDataKey('PERSONAL_DATA_KEY')
    PERSONAL_DATA_KEY: string;

    @PersonalDataKey('PERSONAL_DATA_HASH_KEY')
    PERSONAL_DATA_HASH_KEY: string;
  }
  return PersonalDataConfig;
}

/** Names of the key variables that fell back to the development keys (log a warning when not empty). */
export function developmentPersonalDataKeys(config: PersonalDataKeysConfig): PersonalDataKeyVariable[] {
  return VARIABLES.filter((variable) => config[variable] === DEVELOPMENT_PERSONAL_DATA_KEYS[variable]);
}

/** What a service uses to protect personal data: the field cipher and the keyed hasher. */
export interface PersonalDataProtection {
  cipher: FieldCipher;
  hasher: KeyedHasher;
}

export function personalDataProtection(config: PersonalDataKeysConfig): PersonalDataProtection {
  const problems = personalDataKeyProblems(config as unknown as Env);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    cipher: FieldCipher.withKey(decodeKey(config.PERSONAL_DATA_KEY)!),
    hasher: new KeyedHasher(decodeKey(config.PERSONAL_DATA_HASH_KEY)!),
  };
}

/**
 * The same protection a service's config gives, read straight from the environment: for
 * migrations, which run before (and, with `migrate`, without) the service's providers. The
 * same rules hold: a malformed key or, in production, a missing one is a ConfigError naming it.
 */
export function personalDataProtectionFromEnvironment(env: Env = process.env): PersonalDataProtection {
  const problems = personalDataKeyProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  const keyOf = (variable: PersonalDataKeyVariable): string => {
    const raw = env[variable];
    return typeof raw === 'string' && raw !== '' ? raw.trim() : DEVELOPMENT_PERSONAL_DATA_KEYS[variable];
  };
  return personalDataProtection({
    NODE_ENV: typeof env.NODE_ENV === 'string' ? env.NODE_ENV : undefined,
    PERSONAL_DATA_KEY: keyOf('PERSONAL_DATA_KEY'),
    PERSONAL_DATA_HASH_KEY: keyOf('PERSONAL_DATA_HASH_KEY'),
  });
}
