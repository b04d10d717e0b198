import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { waitFor } from './wait-for';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface ServiceProcessOptions {
  service: string;
  port: number;
  env: Record<string, string>;
}

/** One deployable running from its build output as a real OS process, as in production. */
export class ServiceProcess {
  private child?: ChildProcess;
  private output: string[] = [];
  exitCode?: number | null;

  constructor(readonly options: ServiceProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get logs(): string {
    return this.output.join('');
  }

  async start({ readyTimeoutMs = 20_000 } = {}): Promise<this> {
    this.output = [];
    this.exitCode = undefined;
    const entry = path.join(REPO_ROOT, 'services', this.options.service, 'dist', 'main.js');
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.once('exit', (code) => (this.exitCode = code));
    await waitFor(
      async () => {
        if (this.exitCode !== undefined) throw new Error(`${this.options.service} exited with ${this.exitCode}:\n${this.logs}`);
        const res = await fetch(`${this.url}/health/ready`).catch(() => undefined);
        return res?.status === 200;
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 100, what: `${this.options.service} to be ready` },
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- ${this.options.service} output ---\n${this.logs.slice(-4000)}`);
    });
    return this;
  }

  /** Sends the signal and resolves with the exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child || this.exitCode !== undefined) return this.exitCode ?? null;
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const [code] = await exited;
    clearTimeout(timer);
    return code;
  }
}
