// Starting service processes with their output prefixed by the service name.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, SERVICE_NAMES, serviceMain } from './services.mjs';
import { palette, pipeLines } from './run.mjs';

const width = Math.max(...SERVICE_NAMES.map((n) => n.length));

/** "registration │ " coloured per service when stdout is a terminal. */
export function prefixFor(name) {
  const index = Math.max(0, SERVICE_NAMES.indexOf(name));
  return `${palette[index % palette.length](name.padEnd(width))} │ `;
}

let prettifier;
/**
 * With PRETTY_LOGS=1 pino's JSON lines go through pino-pretty; otherwise every
 * line is passed on unchanged after the prefix (JSON stays one parseable line).
 */
export function lineFormatter(name, { pretty = process.env.PRETTY_LOGS === '1' } = {}) {
  const prefix = prefixFor(name);
  if (!pretty) return (line) => `${prefix}${line}\n`;
  if (!prettifier) {
    const require = createRequire(join(ROOT, 'package.json'));
    const { prettyFactory } = require('pino-pretty');
    prettifier = prettyFactory({
      colorize: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: false,
    });
  }
  return (line) => {
    if (!line.startsWith('{')) return `${prefix}${line}\n`;
    const text = prettifier(line).replace(/\n$/, '');
    return text
      .split('\n')
      .map((l) => `${prefix}${l}\n`)
      .join('');
  };
}

/**
 * Spawns `node services/<name>/dist/main.js [...args]` with its stdout and
 * stderr prefixed line by line. Returns the ChildProcess, plus `exited`, a
 * promise of { code, signal }.
 */
export function spawnService(name, args, { env, detached = false, pretty, main = serviceMain(name) } = {}) {
  const child = spawn(process.execPath, [main, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // in their own process group: Ctrl-C reaches only the supervisor, which then stops them in order
    detached,
  });
  const format = lineFormatter(name, { pretty });
  pipeLines(child.stdout, process.stdout, format);
  pipeLines(child.stderr, process.stderr, format);
  child.exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return child;
}
