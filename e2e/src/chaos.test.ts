import { spawn } from 'node:child_process';
import path from 'node:path';

const CHAOS = path.resolve(__dirname, '../../scripts/chaos/chaos.mjs');

/**
 * `npm run chaos`, shorter: about 1,000 applications over four open days (one a lottery), and
 * during the burst one service killed with kill -9 and restarted, NATS restarted and PostgreSQL
 * restarted — its own nats-server and PostgreSQL cluster (free ports, temporary folders), so the
 * suites beside it never see them go. Nothing acknowledged is lost, nothing decided or messaged
 * twice, no open day selects more than its places.
 */
describe('chaos: kill -9 a service, restart NATS and PostgreSQL during a burst of applications', () => {
  it('loses, duplicates and overfills nothing', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CHAOS, '--own-servers', '--applications', '1000', '--kill', 'vetting', '--quiet', '45'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve({ code: exitCode, output }));
    });
    process.stdout.write(`[chaos] ${output.trim().split('\n').slice(-16).join('\n[chaos] ')}\n`);
    expect({ code, failures: output.split('\n').filter((line) => line.startsWith('chaos FAILED')) }).toEqual({ code: 0, failures: [] });
    expect(output).toContain('chaos: nothing lost, nothing duplicated, no capacity exceeded');
  }, 300_000);
});
