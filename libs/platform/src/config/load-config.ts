import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown when the environment does not satisfy a config class; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Builds a config object from environment variables.
 *
 * Each field of `configClass` is named after its variable; class-transformer
 * decorators convert the strings (`@EnvBoolean()`, `@EnvList()`; `@EnvInt({ min, max })` converts
 * and checks an integer), field initialisers are the defaults and class-validator decorators the rules.
 * An empty variable counts as unset, so `PORT=` falls back to the default.
 * Every failing variable is reported at once, not just the first.
 */
export function loadConfig<T extends object>(configClass: new () => T, env: Env = process.env): T {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(configClass, given);
  // whitelist drops the environment's other variables (PATH, HOME, ...) from the instance.
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(errors.map((error) => describe(error, env[error.property])));
  return config;
}

function describe(error: ValidationError, raw: string | undefined): string {
  const rules = [...new Set(Object.values(error.constraints ?? {}))].join(' and ');
  const got = raw === undefined || raw === '' ? 'not set' : `got ${JSON.stringify(hideCredentials(raw))}`;
  return `${rules} (${got})`;
}

/** Connection URLs carry passwords; an error message ends up in logs. */
function hideCredentials(value: string): string {
  return value.replace(/(\/\/[^:/@\s]+:)[^@/\s]*@/g, '$1***@');
}

/**
 * Start-up guard for a process entry point: a ConfigError becomes one JSON log
 * line on stderr and exit code 1, so a misconfigured pod fails fast and says why.
 */
export function exitOnConfigError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), problems: error.problems, msg: error.message })}\n`,
    );
    return process.exit(1);
  }
}
