import pino, { type Logger } from 'pino';

/** Logs only errors during tests unless TEST_LOG_LEVEL asks for more. */
export function testLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
}
