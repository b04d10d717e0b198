import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { exitOnConfigError, loadConfig, type BaseServiceConfig } from '../config';
import { createPinoLogger } from '../logging';
import { correlationMiddleware } from '../http';
import { runMigrations, type ServiceDatabase } from '../database';
import { natsClientOptions } from '../messaging/nats-credentials';

export interface ServiceDefinition<TConfig extends BaseServiceConfig> {
  service: string;
  configClass: new () => TConfig;
  database: Omit<ServiceDatabase, 'url'>;
  rootModule(config: TConfig): DynamicModule;
  /** Services answer the gateway's requests on NATS in a queue group; the gateway itself does not. */
  answersRequests: boolean;
  configure?(app: INestApplication, config: TConfig): void;
  /** More one-shot sub-commands beside `migrate`: `node dist/main.js <name> …args`; each resolves to the process's exit code. */
  commands?: Record<string, (config: TConfig, args: string[]) => Promise<number>>;
}

/**
 * The entry point of every deployable: `node dist/main.js` serves,
 * `node dist/main.js migrate` applies migrations and exits, and
 * `node dist/main.js <command> …` runs one of the deployable's own commands.
 */
export async function runService<TConfig extends BaseServiceConfig>(
  definition: ServiceDefinition<TConfig>,
  argv = process.argv.slice(2),
): Promise<INestApplication | undefined> {
  const config = exitOnConfigError(() => loadConfig(definition.configClass));
  const logger = createPinoLogger(definition.service, config.LOG_LEVEL);
  if (argv[0] === 'migrate') {
    const applied = await runMigrations({ url: config.DATABASE_URL, ...definition.database });
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
    return undefined;
  }
  const command = argv[0] !== undefined && definition.commands && Object.hasOwn(definition.commands, argv[0]) ? definition.commands[argv[0]] : undefined;
  if (command) {
    process.exitCode = await command(config, argv.slice(1));
    return undefined;
  }
  const app = await NestFactory.create(definition.rootModule(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  closeOnSignals(app, config.SHUTDOWN_TIMEOUT_MS, logger);
  definition.configure?.(app, config);
  if (definition.answersRequests) {
    app.connectMicroservice<MicroserviceOptions>(
      { transport: Transport.NATS, options: { ...natsClientOptions(config, `${definition.service}-rpc`), queue: definition.service } },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await app.listen(config.PORT);
  logger.info({ port: config.PORT }, `${definition.service} listening`);
  return app;
}

/**
 * SIGTERM/SIGINT: stop taking work, finish what is in hand (Nest's shutdown
 * hooks: consumers, relay, NATS drain, database), exit 0. A shutdown that
 * hangs must not keep a pod from being replaced, so it is cut off after the timeout.
 */
function closeOnSignals(app: INestApplication, timeoutMs: number, logger: ReturnType<typeof createPinoLogger>): void {
  const close = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'graceful shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
