// Child-process helpers shared by the entry scripts. Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import { ROOT } from './services.mjs';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : String(s));
export const color = {
  bold: paint('1'),
  dim: paint('2'),
  red: paint('31'),
  green: paint('32'),
  yellow: paint('33'),
  blue: paint('34'),
  magenta: paint('35'),
  cyan: paint('36'),
};
export const palette = [color.cyan, color.magenta, color.yellow, color.blue, color.green, color.red];

export function log(message) {
  process.stdout.write(`${color.bold('▶')} ${message}\n`);
}
export function warn(message) {
  process.stderr.write(`${color.yellow('!')} ${message}\n`);
}

/** An error whose message is meant for the user as is (no stack trace). */
export class UserError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Prints an error the way the CLIs do and returns the exit code to use. */
export function report(error) {
  if (error instanceof UserError) {
    process.stderr.write(`${color.red('✖')} ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`${color.red('✖')} ${error?.stack ?? error}\n`);
  return 1;
}

/** Runs a CLI's main function: exit code from its result or its error. */
export function runCli(main) {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = typeof code === 'number' ? code : 0;
      },
      (error) => {
        process.exitCode = report(error);
      },
    );
}

const npxCommand = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export { npxCommand, npmCommand };

/**
 * Runs a command with inherited stdio; resolves with the exit code (or rejects
 * with a UserError naming the command when `check` and it fails).
 */
export function run(command, args, { cwd = ROOT, env = process.env, check = true, stdio = 'inherit', label } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio, shell: process.platform === 'win32' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const cleanup = () => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };
    child.once('error', (error) => {
      cleanup();
      reject(new UserError(`could not run ${label ?? command}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      cleanup();
      const status = code ?? (signal ? 128 : 1);
      if (check && status !== 0) {
        reject(new UserError(`${label ?? [command, ...args].join(' ')} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`, status));
      } else {
        resolvePromise(status);
      }
    });
  });
}

/** Synchronous probe: true when the command exits 0 (output discarded). */
export function succeeds(command, args, { timeoutMs = 15000, cwd = ROOT } = {}) {
  try {
    const r = spawnSync(command, args, { cwd, stdio: 'ignore', timeout: timeoutMs });
    return r.status === 0;
  } catch {
    return false;
  }
}

/** Environment for non-interactive Nx runs (no TUI, no prompts, no cloud). */
export function nxEnv(env = process.env, extra = {}) {
  return {
    ...env,
    NX_TUI: 'false',
    NX_NO_CLOUD: 'true',
    NX_INTERACTIVE: 'false',
    ...extra,
  };
}

/**
 * Splits a readable stream into lines and writes each through `format(line)` to
 * `out`. JSON lines are passed unchanged after the prefix, so they stay parseable
 * once the prefix is cut off.
 */
export function pipeLines(stream, out, format) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let index;
    while ((index = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, index).replace(/\r$/, '');
      buffer = buffer.slice(index + 1);
      out.write(format(line));
    }
  });
  stream.on('end', () => {
    if (buffer.length > 0) out.write(format(buffer));
    buffer = '';
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function formatDuration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m} min ${s} s`;
}

export function checkNodeVersion(min = [20, 19]) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < min[0] || (major === min[0] && minor < min[1])) {
    throw new UserError(`Node ${min.join('.')} or newer is required (this is ${process.versions.node}); install a current Node LTS`);
  }
}
