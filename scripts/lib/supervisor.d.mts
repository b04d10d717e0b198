// Types of supervisor.mjs, for the TypeScript that imports it (e2e).
import type { ChildProcess } from 'node:child_process';
import type { RestartPolicy } from './restart-policy.mjs';

export interface SupervisedChild extends ChildProcess {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
}

export declare class Supervisor {
  constructor(
    launchers: Map<string, () => SupervisedChild>,
    options?: { policy?: RestartPolicy; say?: (line: string) => void; ready?: (name: string) => Promise<boolean> },
  );
  readonly stopping: boolean;
  readonly failure: Error | null;
  onFailure: ((error: Error) => void) | null;
  start(): void;
  markReady(name: string): void;
  alive(): Array<[string, SupervisedChild]>;
  stop(options?: { force?: boolean; graceMs?: number }): Promise<void>;
}
