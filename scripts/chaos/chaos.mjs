#!/usr/bin/env node
// npm run chaos [-- --own-servers] [-- --applications N] …
//
// During a burst of applications (default 10,000) over several open days (one in four a lottery,
// the rest first-come), every service is killed with kill -9 once and restarted as a supervisor
// would, and NATS and PostgreSQL are each restarted once; then the backlog drains and the run
// prints what was acknowledged (201), decided and texted/mailed/put in the inbox, and what was
// lost, duplicated or selected beyond capacity. Exits 1 unless those three are all 0.
//
//   --own-servers            a nats-server and a PostgreSQL cluster of this run's own (free ports,
//                            temporary folders); without it, this machine's (127.0.0.1:5432 and :4222)
//                            are restarted with their own start commands (root only; else skipped)
//   --applications N         default 10000
//   --open-days N            default 4
//   --concurrency N          requests in flight, default 50
//   --capacity N             places per open day, default a fifth of its applications
//   --kill a,b               the services to kill, default all six
//   --lottery-window S       seconds the lottery takes applications, default from the burst's size
//   --quiet S                give up waiting for the backlog after S seconds without progress, default 60
import { parseArgs } from 'node:util';
import { runCli } from '../lib/run.mjs';
import { SERVICE_NAMES } from '../lib/services.mjs';
import { formatReport, runChaos } from './lib/run-chaos.mjs';

const say = (line = '') => process.stdout.write(`${line}\n`);

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'own-servers': { type: 'boolean', default: false },
      applications: { type: 'string' },
      'open-days': { type: 'string' },
      concurrency: { type: 'string' },
      capacity: { type: 'string' },
      kill: { type: 'string' },
      'lottery-window': { type: 'string' },
      quiet: { type: 'string' },
    },
  });
  const number = (name) => {
    if (values[name] === undefined) return undefined;
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number above 0 (got ${values[name]})`);
    return n;
  };
  const kill = values.kill?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = kill?.filter((s) => !SERVICE_NAMES.includes(s)) ?? [];
  if (unknown.length) throw new Error(`--kill: unknown service ${unknown.join(', ')} (known: ${SERVICE_NAMES.join(', ')})`);
  const given = {
    ownServers: values['own-servers'],
    applications: number('applications'),
    openDays: number('open-days'),
    concurrency: number('concurrency'),
    capacity: number('capacity'),
    kill,
    lotteryWindowSeconds: number('lottery-window'),
    quietSeconds: number('quiet'),
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
}

runCli(async () => {
  const result = await runChaos(options(process.argv.slice(2)), say);
  say(formatReport(result));
  if (result.failures.length === 0) {
    say('chaos: nothing lost, nothing duplicated, no capacity exceeded');
    return 0;
  }
  for (const failure of result.failures) say(`chaos FAILED: ${failure}`);
  return 1;
});
