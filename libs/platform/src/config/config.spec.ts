import { IsBoolean, IsString } from 'class-validator';
import { BaseServiceConfig } from './base-service-config';
import { EnvBoolean } from './env-transforms';
import { ConfigError, exitOnConfigError, loadConfig } from './load-config';

class ExampleServiceConfig extends BaseServiceConfig {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/example';

  @IsString({ message: '$property must be set' })
  SMTP_HOST: string;

  @EnvBoolean()
  @IsBoolean({ message: '$property must be true or false' })
  SMTP_SECURE = false;
}

const valid = { NATS_URL: 'nats://127.0.0.1:4222', SMTP_HOST: 'mail.local' };

function problemsFor(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(ExampleServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('converts strings, applies class and subclass defaults and drops unrelated variables', () => {
    const config = loadConfig(ExampleServiceConfig, {
      ...valid,
      NATS_URL: 'nats://n1:4222, nats://n2:4222',
      STREAM_REPLICAS: '3',
      SMTP_SECURE: 'YES',
      LOG_LEVEL: '',
      PATH: '/usr/bin',
    });
    expect(config).toBeInstanceOf(ExampleServiceConfig);
    expect(config).toMatchObject({
      PORT: 3001,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/example',
      NATS_URL: ['nats://n1:4222', 'nats://n2:4222'],
      BUS_NAMESPACE: 'openday',
      STREAM_REPLICAS: 3,
      PUBLIC_STREAM_MAX_AGE_HOURS: 2160,
      INTERNAL_STREAM_MAX_AGE_HOURS: 168,
      DEADLETTER_STREAM_MAX_AGE_HOURS: 336,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10000,
      DATABASE_POOL_SIZE: 10,
      SMTP_SECURE: true,
    });
    expect(config).not.toHaveProperty('PATH');
  });

  it.each([
    ['PORT', 'abc', 'PORT must be an integer between 1 and 65535 (got "abc")'],
    ['PORT', '70000', 'PORT must be an integer between 1 and 65535 (got "70000")'],
    ['PORT', '3.5', 'PORT must be an integer between 1 and 65535 (got "3.5")'],
    ['DATABASE_URL', 'mysql://root:secret@db/x', 'DATABASE_URL must be a postgres:// URL (got "mysql://root:***@db/x")'],
    ['DATABASE_POOL_SIZE', '0', 'DATABASE_POOL_SIZE must be an integer between 1 and 100 (got "0")'],
    ['NATS_URL', undefined, 'NATS_URL must be a comma-separated list of nats:// URLs (not set)'],
    ['NATS_URL', 'nats://a:4222,http://b', 'NATS_URL must be a comma-separated list of nats:// URLs (got "nats://a:4222,http://b")'],
    ['BUS_NAMESPACE', 'Open-Day', 'BUS_NAMESPACE must match ^[a-z][a-z0-9_]{0,30}$ (got "Open-Day")'],
    ['STREAM_REPLICAS', '0', 'STREAM_REPLICAS must be an integer between 1 and 5 (got "0")'],
    ['STREAM_REPLICAS', '7', 'STREAM_REPLICAS must be an integer between 1 and 5 (got "7")'],
    ['PUBLIC_STREAM_MAX_AGE_HOURS', '0', 'PUBLIC_STREAM_MAX_AGE_HOURS must be an integer of at least 1 (got "0")'],
    ['INTERNAL_STREAM_MAX_AGE_HOURS', '1.5', 'INTERNAL_STREAM_MAX_AGE_HOURS must be an integer of at least 1 (got "1.5")'],
    ['DEADLETTER_STREAM_MAX_AGE_HOURS', '-3', 'DEADLETTER_STREAM_MAX_AGE_HOURS must be an integer of at least 1 (got "-3")'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    ['SHUTDOWN_TIMEOUT_MS', '-1', 'SHUTDOWN_TIMEOUT_MS must be an integer of at least 0 (got "-1")'],
    ['SMTP_HOST', undefined, 'SMTP_HOST must be set (not set)'],
    ['SMTP_SECURE', 'maybe', 'SMTP_SECURE must be true or false (got "maybe")'],
  ])('names %s when it is %p', (variable, value, problem) => {
    expect(problemsFor({ ...valid, [variable]: value })).toEqual([problem]);
  });

  it('reports every bad variable at once, including required ones the base class leaves without default', () => {
    class NoDefaults extends BaseServiceConfig {}
    let error: unknown;
    try {
      loadConfig(NoDefaults, { PORT: 'x', STREAM_REPLICAS: '9' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const variable of ['PORT', 'DATABASE_URL', 'NATS_URL', 'STREAM_REPLICAS']) expect(message).toContain(`${variable} must`);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});

describe('NATS credentials', () => {
  const needed = (variable: string) =>
    `${variable} must be set when NODE_ENV=production or the other of NATS_USER/NATS_PASSWORD is (this service's user in deploy/nats/accounts.conf) (not set)`;

  it('are optional locally, against the open development server', () => {
    expect(loadConfig(ExampleServiceConfig, valid)).toMatchObject({ NATS_USER: undefined, NATS_PASSWORD: undefined });
  });

  it('are refused in production when missing, each variable named', () => {
    expect(problemsFor({ ...valid, NODE_ENV: 'production' })).toEqual([needed('NATS_USER'), needed('NATS_PASSWORD')]);
    expect(problemsFor({ ...valid, NODE_ENV: 'production', NATS_USER: 'vetting' })).toEqual([needed('NATS_PASSWORD')]);
  });

  it('go together: a user without its password is refused anywhere', () => {
    expect(problemsFor({ ...valid, NATS_USER: 'vetting' })).toEqual([needed('NATS_PASSWORD')]);
    expect(problemsFor({ ...valid, NATS_PASSWORD: 'secret' })).toEqual([needed('NATS_USER')]);
  });

  it('are read in production, and the password never appears in a problem', () => {
    const env = { ...valid, NODE_ENV: 'production', NATS_USER: 'vetting', NATS_PASSWORD: 's3cret', PORT: 'x' };
    expect(problemsFor(env).join(' ')).not.toContain('s3cret');
    const config = loadConfig(ExampleServiceConfig, { ...env, PORT: '3002' });
    expect(config).toMatchObject({ NATS_USER: 'vetting', NATS_PASSWORD: 's3cret' });
  });
});

describe('exitOnConfigError', () => {
  it('returns the value when there is nothing wrong', () => {
    expect(exitOnConfigError(() => 42)).toBe(42);
  });

  it('prints one JSON line on stderr and exits with 1', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    try {
      exitOnConfigError(() => loadConfig(ExampleServiceConfig, { ...valid, PORT: 'abc' }));
      expect(exit).toHaveBeenCalledWith(1);
      expect(write).toHaveBeenCalledTimes(1);
      const line = String(write.mock.calls[0][0]);
      expect(line.endsWith('\n')).toBe(true);
      expect(line.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(line)).toMatchObject({
        level: 'fatal',
        msg: 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")',
      });
    } finally {
      write.mockRestore();
      exit.mockRestore();
    }
  });

  it('lets other errors through', () => {
    expect(() =>
      exitOnConfigError(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});
