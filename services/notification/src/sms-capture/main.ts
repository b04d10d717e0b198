import path from 'node:path';
import { SmsCaptureServer } from './sms-capture.server';

/**
 * The local stand-in for the SMS provider: `node services/notification/dist/sms-capture/main.js`.
 * SMS_CAPTURE_PORT (3010), SMS_CAPTURE_DIR (./.data/sms, messages.jsonl), SMS_CAPTURE_FAIL=1 answers 500.
 */
async function main(): Promise<void> {
  const port = Number(process.env.SMS_CAPTURE_PORT ?? 3010);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write('SMS_CAPTURE_PORT must be an integer between 1 and 65535\n');
    process.exit(1);
  }
  const dir = path.resolve(process.env.SMS_CAPTURE_DIR ?? './.data/sms');
  const fail = ['1', 'true', 'yes'].includes((process.env.SMS_CAPTURE_FAIL ?? '').toLowerCase());
  const server = await new SmsCaptureServer({ port, dir, fail }).start();
  process.stdout.write(`${JSON.stringify({ msg: 'SMS capture listening', url: server.url, dir, fail })}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
