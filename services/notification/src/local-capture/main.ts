import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SmsCaptureServer, SmtpCapture } from '@openday/testing';

/**
 * The local stand-in for the SMS provider and the mail server, so a developer can read sign-in
 * codes and every message: `node services/notification/dist/local-capture/main.js` (npm start runs it).
 *   SMS:    POST/GET http://127.0.0.1:$SMS_CAPTURE_PORT/sms?to=<mobile>   (3010)
 *   e-mail: SMTP on 127.0.0.1:$MAIL_CAPTURE_PORT (1025), read at GET /mail?to=<address>
 * Both are appended under $CAPTURE_DIR (./.data/capture) as sms.jsonl / mails.jsonl;
 * CAPTURE_HOST (127.0.0.1; 0.0.0.0 in a container) is where both listen;
 * SMS_CAPTURE_FAIL=1 makes the SMS endpoint answer 500, to try the failure path by hand.
 */
function portFrom(variable: string, fallback: number): number {
  const port = Number(process.env[variable] ?? fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`${variable} must be an integer between 1 and 65535\n`);
    process.exit(1);
  }
  return port;
}

async function main(): Promise<void> {
  const smsPort = portFrom('SMS_CAPTURE_PORT', 3010);
  const mailPort = portFrom('MAIL_CAPTURE_PORT', 1025);
  const dir = path.resolve(process.env.CAPTURE_DIR ?? './.data/capture');
  await mkdir(dir, { recursive: true });
  const fail = ['1', 'true', 'yes'].includes((process.env.SMS_CAPTURE_FAIL ?? '').toLowerCase());
  const host = process.env.CAPTURE_HOST ?? '127.0.0.1';
  const mail = await new SmtpCapture({ port: mailPort, host, dir }).start();
  const sms = await new SmsCaptureServer({ port: smsPort, host, dir, fail, mailbox: mail }).start();
  process.stdout.write(`${JSON.stringify({ msg: 'local capture listening', sms: sms.url, smtp: `127.0.0.1:${mailPort}`, dir, fail })}\n`);
  const stop = () => void Promise.all([sms.stop(), mail.stop()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
