import { spawn } from 'node:child_process';
import { Supervisor, type SupervisedChild } from '@openday/scripts/lib/supervisor.mjs';
import { waitFor } from '@openday/testing';

/** A real node process running `code`, with the `exited` promise spawnService gives its children. */
function nodeProcess(code: string): SupervisedChild {
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' }) as SupervisedChild;
  child.exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (exitCode, signal) => resolve({ code: exitCode, signal }));
  });
  return child;
}

const RUNS_ON = 'setInterval(() => {}, 1000)';
const FAST_POLICY = { initialMs: 50, maxMs: 200, stableMs: 60_000 };

describe('npm start supervisor (scripts/lib/supervisor.mjs)', () => {
  it('restarts a service that dies with growing back-off, saying so, keeps the others, and stops them all', async () => {
    const said: string[] = [];
    const launches = { crashing: 0, steady: 0 };
    const supervisor = new Supervisor(
      new Map([
        ['steady', () => (launches.steady++, nodeProcess(RUNS_ON))],
        ['crashing', () => (launches.crashing++, nodeProcess('setTimeout(() => process.exit(3), 50)'))],
      ]),
      { policy: FAST_POLICY, say: (line) => said.push(line) },
    );
    supervisor.markReady('steady');
    supervisor.markReady('crashing');
    supervisor.start();
    try {
      await waitFor(() => launches.crashing >= 5, { what: 'four restarts of the crashing service' });
      expect(said.slice(0, 4)).toEqual([
        'crashing exited with code 3; restarting in 0.05 s',
        'crashing exited with code 3; restarting in 0.1 s',
        'crashing exited with code 3; restarting in 0.2 s',
        'crashing exited with code 3; restarting in 0.2 s',
      ]);
      expect(launches.steady).toBe(1);
      expect(supervisor.failure).toBeNull();
    } finally {
      await supervisor.stop();
    }
    const launchedWhenStopped = launches.crashing;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(supervisor.alive()).toEqual([]);
    expect(launches.crashing).toBe(launchedWhenStopped);
  });

  it('says a killed service was killed by its signal and starts it again', async () => {
    const said: string[] = [];
    let launched = 0;
    const supervisor = new Supervisor(new Map([['victim', () => (launched++, nodeProcess(RUNS_ON))]]), { policy: FAST_POLICY, say: (line) => said.push(line) });
    supervisor.markReady('victim');
    supervisor.start();
    try {
      supervisor.alive()[0][1].kill('SIGKILL');
      await waitFor(() => launched === 2 && supervisor.alive().length === 1, { what: 'the killed service to be started again' });
      expect(said).toEqual(['victim exited with signal SIGKILL; restarting in 0.05 s']);
    } finally {
      await supervisor.stop();
    }
  });

  it('stops everything when a service dies before it was ever ready (that will not mend itself)', async () => {
    const supervisor = new Supervisor(
      new Map([
        ['steady', () => nodeProcess(RUNS_ON)],
        ['misconfigured', () => nodeProcess('process.exit(1)')],
      ]),
      { policy: FAST_POLICY, say: () => undefined },
    );
    const failed = new Promise<Error>((resolve) => (supervisor.onFailure = resolve));
    supervisor.start();
    expect((await failed).message).toBe('misconfigured exited with code 1 before it was ready; stopping the other services');
    await supervisor.stop();
    expect(supervisor.alive()).toEqual([]);
  });
});
