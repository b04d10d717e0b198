import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** Bad configuration stops a deployable at once, naming every bad variable. */
describe('start-up configuration', () => {
  it.each([
    ['vetting', { PORT: 'abc' }, ['PORT must be an integer between 1 and 65535 (got "abc")']],
    ['gateway', { RPC_TIMEOUT_MS: '10', STREAM_REPLICAS: '9' }, ['RPC_TIMEOUT_MS', 'STREAM_REPLICAS']],
    ['registration', { DATABASE_URL: 'mysql://x' }, ['DATABASE_URL must be a postgres:// URL']],
    ['scheduling', { NATS_URL: 'http://x' }, ['NATS_URL']],
  ])('%s exits 1 on %j', async (service, env, expected) => {
    const failure = await run(process.execPath, [path.join(ROOT, 'services', service, 'dist/main.js')], {
      env: { ...process.env, ...env },
      timeout: 20_000,
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    const line = JSON.parse(failure!.stderr.trim().split('\n').at(-1)!) as { level: string; problems: string[] };
    expect(line.level).toBe('fatal');
    for (const text of expected) expect(line.problems.join('\n')).toContain(text);
  });
});
