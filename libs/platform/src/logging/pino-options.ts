import pino, { type DestinationStream, type LevelWithSilent, type Logger, type LoggerOptions } from 'pino';
import { currentCorrelation } from '@openday/messaging';
import { errorForLog, withSafeErrorMessage } from './safe-serializers';

/** Personal data and secrets that must never reach a log line, wherever they are nested. */
const SENSITIVE_KEYS = ['name', 'idNumber', 'idLast4', 'phone', 'mobile', 'email', 'password'];
/** A redact wildcard stands for exactly one level, so each key is listed at depths 0-4: `req.body.members[2].phone` is depth 4. */
const DEPTHS = ['', '*.', '*.*.', '*.*.*.', '*.*.*.*.'];

const REDACTED_PATHS = [
  ...SENSITIVE_KEYS.flatMap((key) => DEPTHS.map((prefix) => `${prefix}${key}`)),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
];

/** One JSON line per entry with the service name, and the correlation of whatever request or message is being handled. */
function pinoOptions(serviceName: string, level: LevelWithSilent): LoggerOptions {
  return {
    level,
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const correlation = currentCorrelation();
      return correlation ? { correlationId: correlation.correlationId, traceparent: correlation.traceparent } : {};
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: errorForLog, error: errorForLog },
    hooks: { logMethod: withSafeErrorMessage },
  };
}

/** A plain pino logger for code outside Nest's DI (the messaging library, scripts); `destination` defaults to stdout. */
export function createPinoLogger(serviceName: string, level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = pinoOptions(serviceName, level);
  return destination ? pino(options, destination) : pino(options);
}
