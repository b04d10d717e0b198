// What the browser tests (e2e-portal) need from the machine: Debian's Chromium and the Noto CJK
// fonts (Chinese pages render as boxes without them, and axe/screenshot results change).
// Playwright's own browser download never runs: `npx playwright install` fails on these
// machines, and the tests drive /usr/bin/chromium through `executablePath`.
// Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';
export const APT_PACKAGES = Object.freeze(['chromium', 'fonts-noto-cjk']);
export const APT_INSTALL = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${APT_PACKAGES.join(' ')}`;

/**
 * The decision, as a pure function of what was found:
 *   { action: 'ok' }                              nothing to do
 *   { action: 'install', missing, command }       root: run `command` (apt-get)
 *   { action: 'stop', missing, message }          not root: tell the user what to install
 * `chromiumPath` is the browser the tests will launch (CHROMIUM_PATH may point elsewhere);
 * `zhFontFamilies` is what `fc-list :lang=zh` printed ('' when none or fc-list is missing).
 */
export function browserPrerequisites({ chromiumPath = CHROMIUM_PATH, chromiumExists, zhFontFamilies, notoDirExists, isRoot }) {
  const missing = [];
  if (!chromiumExists) missing.push(`chromium (no browser at ${chromiumPath})`);
  if (!String(zhFontFamilies ?? '').trim() || !notoDirExists) missing.push(`fonts-noto-cjk (${!notoDirExists ? `no ${NOTO_CJK_DIR}` : 'fc-list :lang=zh lists no font'})`);
  if (missing.length === 0) return { action: 'ok', missing };
  // A browser somewhere else (CHROMIUM_PATH) is the user's own: apt installs only to /usr/bin/chromium.
  if (isRoot) return { action: 'install', missing, command: APT_INSTALL };
  return {
    action: 'stop',
    missing,
    message:
      `the browser tests need Debian's Chromium and the Noto CJK fonts; missing: ${missing.join(', ')}.\n` +
      `  Install them as root:  sudo sh -c '${APT_INSTALL}'\n` +
      `  (never \`npx playwright install\`: the tests drive ${CHROMIUM_PATH}; CHROMIUM_PATH points them at another Chromium)`,
  };
}

/** Looks at this machine: the facts browserPrerequisites decides on. */
export function probeBrowserPrerequisites(env = process.env) {
  const chromiumPath = env.CHROMIUM_PATH || CHROMIUM_PATH;
  const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return {
    chromiumPath,
    chromiumExists: existsSync(chromiumPath),
    zhFontFamilies: fc.status === 0 ? fc.stdout : '',
    notoDirExists: existsSync(NOTO_CJK_DIR),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

/**
 * Makes sure the browser tests can run: installs what is missing when root, otherwise throws an
 * Error whose message says exactly what to install. `run(command)` runs a shell command and
 * resolves with its exit code; `say` prints a line.
 */
export async function ensureBrowserPrerequisites({ env = process.env, run, say = () => {} } = {}) {
  const facts = probeBrowserPrerequisites(env);
  const decision = browserPrerequisites(facts);
  if (decision.action === 'ok') return decision;
  if (decision.action === 'stop') throw new Error(decision.message);
  say(`browser tests: installing ${decision.missing.join(', ')} with apt-get`);
  const code = await run(decision.command);
  const after = browserPrerequisites(probeBrowserPrerequisites(env));
  if (code !== 0 || after.action !== 'ok') {
    throw new Error(`\`${decision.command}\` ${code !== 0 ? `exited with ${code}` : 'ran'}, and still missing: ${after.missing.join(', ') || 'nothing'}`);
  }
  return decision;
}
