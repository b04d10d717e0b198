// After `vite build`: prints, for every page, the JavaScript a phone downloads to show it
// (gzip), and fails the build when the open-day list, the page most citizens land on from a
// WeChat article or a poster, needs more than its budget on first load.
//
// A page's first load = the entry chunk, everything it imports statically, and the page's
// own lazy chunk with its static imports. Read from dist/.vite/manifest.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIST_PAGE_BUDGET_KB = 250;
const LIST_PAGE = 'src/open-days/list/OpenDayListPage.tsx';

const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gzipCache = new Map();

function gzipKb(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(join(dist, file))).length / 1024);
  return gzipCache.get(file);
}

/** The chunk files loaded for a manifest entry: itself and its static imports, transitively. */
function staticClosure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

function jsKb(keys) {
  const files = new Set([...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js')));
  return [...files].reduce((total, file) => total + gzipKb(file), 0);
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entry = staticClosure(entryKey);
const pages = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry && /Page\.tsx$/.test(key));

const rows = pages
  .map((key) => {
    const own = staticClosure(key);
    return { page: key.replace(/^src\//, ''), chunk: jsKb(new Set([...own].filter((k) => !entry.has(k)))), firstLoad: jsKb(new Set([...entry, ...own])) };
  })
  .sort((a, b) => a.page.localeCompare(b.page));

const width = Math.max(...rows.map((row) => row.page.length), 10);
console.log(`\nJavaScript per page, gzip (entry and shared chunks: ${jsKb(entry).toFixed(1)} KB)`);
console.log(`${'page'.padEnd(width)}  ${'own chunks'.padStart(10)}  ${'first load'.padStart(10)}`);
for (const row of rows) {
  console.log(`${row.page.padEnd(width)}  ${row.chunk.toFixed(1).padStart(7)} KB  ${row.firstLoad.toFixed(1).padStart(7)} KB`);
}

const list = rows.find((row) => `src/${row.page}` === LIST_PAGE);
if (!list) {
  console.error(`\n${LIST_PAGE} is not a lazily loaded page in the manifest: cannot check its budget.`);
  process.exit(1);
}
if (list.firstLoad > LIST_PAGE_BUDGET_KB) {
  console.error(`\nThe open-day list needs ${list.firstLoad.toFixed(1)} KB gzip of JavaScript on first load; the budget is ${LIST_PAGE_BUDGET_KB} KB.`);
  process.exit(1);
}
console.log(`\nThe open-day list's first load: ${list.firstLoad.toFixed(1)} KB gzip of JavaScript (budget ${LIST_PAGE_BUDGET_KB} KB).`);
