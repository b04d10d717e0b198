#!/usr/bin/env node
// node scripts/bench/cpu-profile-top.mjs <file.cpuprofile> [how many, default 25] [--inclusive <path part>]
// The functions a profile (written by cpu-profile-hook.mjs) spent most self time in, with the
// share of all samples and of the busy (non-idle) ones. With --inclusive, the functions whose
// file path contains the given part (e.g. services/notification), by time including callees.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { inclusive: { type: 'string' } } });
const [file, top = '25'] = positionals;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const nameOf = ({ callFrame }) => {
  const where = callFrame.url ? `${callFrame.url.replace(/^.*\/(node_modules|services|libs)\//, '$1/')}:${callFrame.lineNumber + 1}` : '';
  return `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
};
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
const self = new Map();
for (const [id, us] of selfUs) self.set(nameOf(byId.get(id)), (self.get(nameOf(byId.get(id))) ?? 0) + us);
const total = [...self.values()].reduce((a, b) => a + b, 0);
const busy = total - (self.get('(idle)') ?? 0);
const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const row = (key, us) => `${ms(us)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} % busy  ${key}\n`;
process.stdout.write(`${file}: ${ms(total)} ms sampled, ${ms(busy)} ms busy\n`);

let ranked;
if (values.inclusive) {
  // Time under each node, counted once per function on a stack (recursion is not counted twice).
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = nameOf(byId.get(at));
      if (!key.includes(values.inclusive) || seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  ranked = inclusive;
} else {
  self.delete('(idle)');
  ranked = self;
}
for (const [key, us] of [...ranked.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) process.stdout.write(row(key, us));
