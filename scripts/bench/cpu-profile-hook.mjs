// Preloaded into each service when a bench runs with CPU_PROFILE_DIR set
// (NODE_OPTIONS="--import ./scripts/bench/cpu-profile-hook.mjs"): Node 20 refuses --cpu-prof in
// NODE_OPTIONS, so the V8 profiler is driven through node:inspector instead. Profiling starts
// at load and starts again on SIGUSR2 (the benches send it when the burst begins, so start-up
// is left out); the profile is written as <service>-<pid>.cpuprofile when the process is
// stopped (SIGTERM) or exits. Summarise it with scripts/bench/cpu-profile-top.mjs, or open it in
// Chrome DevTools.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.CPU_PROFILE_DIR;
const service = /services\/([^/]+)\/dist\/main\.js$/.exec(process.argv[1] ?? '')?.[1];

if (dir && service) {
  const session = new Session();
  session.connect();
  const start = () => {
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 1000 });
    session.post('Profiler.start');
  };
  start();
  process.on('SIGUSR2', () => session.post('Profiler.stop', () => start()));
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // The inspector answers a session on the main thread synchronously: written before the process goes on.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(path.join(dir, `${service}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
}
