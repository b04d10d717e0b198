#!/usr/bin/env node
// Resident memory of each deployable of a running platform (start it with
// `npm start` first), read from each service's own /metrics after it settles.
import { SERVICES } from '../lib/services.mjs';

const SETTLE_MS = Number(process.env.SETTLE_MS ?? 5000);

function residentBytes(metricsText) {
  const line = metricsText.split('\n').find((l) => l.startsWith('process_resident_memory_bytes'));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

await new Promise((r) => setTimeout(r, SETTLE_MS));
let total = 0;
for (const { name, port } of SERVICES) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
  if (!res?.ok) {
    process.stdout.write(`${name.padEnd(14)} not running on :${port}\n`);
    continue;
  }
  const mib = residentBytes(await res.text()) / 2 ** 20;
  total += mib;
  process.stdout.write(`${name.padEnd(14)} ${mib.toFixed(1).padStart(7)} MiB resident (idle)\n`);
}
process.stdout.write(`${'total'.padEnd(14)} ${total.toFixed(1).padStart(7)} MiB\n`);
