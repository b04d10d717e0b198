import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { currentCorrelation } from '@openday/messaging';
import { createPinoLogger } from './pino-options';
import { errorForLog, requestForLog, responseForLog } from './safe-serializers';

/** Probes and scrapes arrive every few seconds; their request logs would drown the rest. */
const QUIET_PATHS = /^\/(health\/[^?]*|metrics)(\?|$)/;

/**
 * nestjs-pino's LoggerModule: Nest's own logs (after `app.useLogger(app.get(Logger))`),
 * injected `PinoLogger`s and pino-http's request logs all go through one pino
 * logger built by `createPinoLogger`. pino-http's request id is the correlation
 * id, so `correlationMiddleware` must run before it (register it with `app.use`).
 */
export function createLoggerModule(serviceName: string, level: LevelWithSilent, destination?: DestinationStream): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger: createPinoLogger(serviceName, level, destination),
      genReqId: () => currentCorrelation()?.correlationId ?? randomUUID(),
      // Request-scoped logs carry just the id, not the whole request, on every line.
      quietReqLogger: true,
      serializers: { req: requestForLog, res: responseForLog, err: errorForLog },
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(originalUrl(req)) },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  });
}

/** Express rewrites `req.url` inside mounted routers; `originalUrl` is what the client asked for. */
function originalUrl(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
}
