// CPU seconds from /proc (Linux): what a request costs a process however loaded the machine is,
// where wall-clock rates are not (other work on the same cores slows them, not their CPU cost).
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user, system) a process has used; undefined when /proc does not know it. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { user: Number(fields[11]) / TICKS_PER_SECOND, system: Number(fields[12]) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** CPU seconds of the PostgreSQL backends serving a database, by backend pid (they live as long as the pool's connections). */
export async function backendCpu(db) {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)]).filter(([, cpu]) => cpu));
}

export function cpuUsed(before, after) {
  return { user: after.user - (before?.user ?? 0), system: after.system - (before?.system ?? 0) };
}

/** What the backends in `after` used since `before` (a backend opened since counts from zero). */
export function backendsUsed(before, after) {
  const used = [...after].map(([pid, cpu]) => cpuUsed(before.get(pid), cpu));
  return { user: used.reduce((t, u) => t + u.user, 0), system: used.reduce((t, u) => t + u.system, 0) };
}
