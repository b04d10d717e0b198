// Types of restart-policy.mjs, for the TypeScript that imports it (e2e).
export interface RestartPolicy {
  initialMs: number;
  maxMs: number;
  stableMs: number;
}
export declare const RESTART_POLICY: Readonly<RestartPolicy>;
export declare function nextRestart(
  run: { failuresInARow: number; ranForMs: number },
  policy?: RestartPolicy,
): { failuresInARow: number; delayMs: number };
