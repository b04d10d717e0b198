#!/usr/bin/env node
// npm test: everything CI checks, on this machine.
//
//   npm test [-- <extra nx args, e.g. --projects=@openday/registration>] [-- --continue]
//
// 1. installs dependencies when missing or stale
// 2. makes sure PostgreSQL and NATS/JetStream answer (starting them if needed);
//    the integration tests use them (DATABASE_ADMIN_URL, NATS_URL are passed on);
//    and that the browser tests (e2e-portal) have Debian's Chromium and the Noto
//    CJK fonts: installed with apt-get when root, otherwise it stops and says what
//    to install (scripts/lib/browser-prerequisites.mjs). Never downloads a browser.
// 3. nx run-many -t lint typecheck build --parallel=2
//    (stops here when one fails, unless --continue)
// 4. the tests, in two lanes side by side: the e2e suite then the browser tests (e2e-portal),
//    which start whole platforms and mostly wait on them, and every other project one at a time
//    (see testLanes)
// 5. adds up the per-project summaries that scripts/jest-summary-reporter.js
//    wrote to .run/test-summary/ and prints, last:
//      wall time …
//      N passed, N failed[, N skipped]
// Exits non-zero when anything failed. Runs without prompts (CI=true, no Nx TUI/daemon).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, isMain } from './lib/services.mjs';
import { UserError, checkNodeVersion, color, formatDuration, log, npxCommand, nxEnv, report, run, warn } from './lib/run.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureBrowserPrerequisites } from './lib/browser-prerequisites.mjs';

export const SUMMARY_DIR = process.env.TEST_SUMMARY_DIR || join(ROOT, '.run', 'test-summary');

/** Reads every summary file: [{project, passed, failed, skipped, …}]. */
export function readSummaries(dir = SUMMARY_DIR) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    try {
      out.push({ file, ...JSON.parse(readFileSync(join(dir, file), 'utf8')) });
    } catch (error) {
      warn(`unreadable test summary ${file}: ${error.message}`);
    }
  }
  return out;
}

/** The closing line: "N passed, N failed[, N skipped]". */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** Does this run include the browser tests? (no project filter, or one that names e2e-portal) */
export function runsBrowserTests(extra) {
  const filters = [];
  for (let i = 0; i < extra.length; i++) {
    const m = /^--?(p|projects)(?:=(.*))?$/.exec(extra[i]);
    if (m) filters.push(m[2] ?? extra[i + 1] ?? '');
  }
  return filters.length === 0 || filters.some((f) => /e2e-portal|\*/.test(f));
}

function projectsWithTestTarget(env, extra) {
  const r = spawnSync(npxCommand, ['nx', 'show', 'projects', '--with-target', 'test', '--json', ...projectFilters(extra)], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout);
  } catch {
    return null;
  }
}

/** The suites that start whole platforms (six services each) and wait on them far more than they compute. */
export const PLATFORM_SUITES = ['@openday/e2e', '@openday/e2e-portal'];

/**
 * The test phase: lanes that run side by side, each a list of nx invocations run one after
 * another. The platform suites (the e2e suite, then the browser tests) in one lane, every other
 * project one at a time in the other. One after another, as before, the platform suites left a
 * core idle for most of their time (the e2e suite keeps about a third of one busy); the two of
 * them side by side, each with six services' pools, ran PostgreSQL out of its 100 connections
 * beside the integration tests. `--excludeTaskDependencies`: the builds are done once before the
 * lanes start, so no nx process restores a dist folder from the cache while the other lane
 * starts services from it.
 */
export function testLanes(projects, extra = []) {
  const platformSuites = PLATFORM_SUITES.filter((p) => projects.includes(p));
  const others = projects.filter((p) => !PLATFORM_SUITES.includes(p));
  if (platformSuites.length + (others.length > 0 ? 1 : 0) === 1) return [[['nx', 'run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream', ...extra]]];
  const passOn = withoutProjectFilters(extra);
  const testsOf = (list) => ['nx', 'run-many', '-t', 'test', '-p', list.join(','), '--parallel=1', '--excludeTaskDependencies', '--outputStyle=stream', ...passOn];
  const lanes = [platformSuites.map((p) => testsOf([p]))];
  if (others.length > 0) lanes.push([testsOf(others)]);
  return lanes;
}

/** Splits the extra nx arguments into the project filters (-p/--projects/--exclude, with their values) and the rest. */
function splitProjectFilters(extra) {
  const filters = [];
  const rest = [];
  for (let i = 0; i < extra.length; i++) {
    const m = /^--?(p|projects|exclude)(=.*)?$/.exec(extra[i]);
    if (!m) rest.push(extra[i]);
    else filters.push(...(m[2] === undefined ? extra.slice(i, ++i + 1) : [extra[i]]));
  }
  return { filters, rest };
}

export const projectFilters = (extra) => splitProjectFilters(extra).filters;
/** The lanes name their own projects. */
export const withoutProjectFilters = (extra) => splitProjectFilters(extra).rest;

async function testInLanes(projects, env, extra) {
  const lanes = testLanes(projects, extra);
  if (lanes.flat().length > 1) {
    // Everything the lanes start from, built (or restored from the cache) once, before any lane starts.
    // A failed build (with --continue) leaves its dependents' tests to fail on their own.
    const built = await run(npxCommand, ['nx', 'run-many', '-t', 'build', '--parallel=2', '--outputStyle=stream'], { env, check: false });
    if (built !== 0) warn('a build failed: the tests run on what there is');
  }
  const laneCodes = await Promise.all(
    lanes.map(async (lane) => {
      const codes = [];
      for (const args of lane) codes.push(await run(npxCommand, args, { env, check: false }));
      return codes;
    }),
  );
  return laneCodes.flat().find((code) => code !== 0) ?? 0;
}

export async function test(argv = process.argv.slice(2)) {
  const began = Date.now();
  checkNodeVersion();
  // No npm install or test may fetch Playwright's own browsers (they cannot be downloaded here).
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const keepGoing = argv.includes('--continue');
  const extra = argv.filter((a) => a !== '--continue');

  await ensureDeps();
  const { ensureInfrastructure } = await import('./lib/infra.mjs');
  const { adminUrl, natsUrl } = await ensureInfrastructure();

  if (runsBrowserTests(extra)) {
    await ensureBrowserPrerequisites({
      say: log,
      run: (command) => run('sh', ['-c', command], { check: false, label: 'apt-get' }),
    }).catch((error) => {
      throw new UserError(error.message);
    });
  }

  const env = nxEnv(process.env, {
    CI: 'true',
    // The browser tests drive Debian's Chromium; Playwright must never fetch its own.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    NX_NO_CLOUD: 'true',
    DATABASE_ADMIN_URL: adminUrl,
    NATS_URL: natsUrl,
  });

  log('lint, typecheck, build');
  const checks = await run(npxCommand, ['nx', 'run-many', '-t', 'lint', 'typecheck', 'build', '--parallel=2', '--outputStyle=stream', ...extra], {
    env,
    check: false,
  });
  if (checks !== 0 && !keepGoing) {
    process.stdout.write(`${color.red('lint, typecheck or build failed')} (see above); tests not run (wall time ${formatDuration(Date.now() - began)})\n`);
    return checks;
  }

  rmSync(SUMMARY_DIR, { recursive: true, force: true });
  mkdirSync(SUMMARY_DIR, { recursive: true });
  log('tests');
  const expected = projectsWithTestTarget(env, extra);
  const tests = expected ? await testInLanes(expected, env, extra) : await run(npxCommand, ['nx', 'run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream', ...extra], { env, check: false });

  const summaries = readSummaries();
  const total = { passed: 0, failed: 0, skipped: 0 };
  const broken = [];
  for (const s of summaries) {
    total.passed += s.passed || 0;
    total.failed += s.failed || 0;
    total.skipped += s.skipped || 0;
    // a suite that could not even run has no failed test: count it as one failure
    if (s.runtimeErrorSuites > 0) {
      total.failed += s.runtimeErrorSuites;
      broken.push(`${s.project}: ${s.runtimeErrorSuites} test file(s) failed to run`);
    }
  }

  if (expected) {
    const seen = new Set(summaries.map((s) => s.project));
    const missing = expected.filter((p) => !seen.has(p));
    if (summaries.length === 0 && expected.length > 0) {
      warn('no test summaries were written: is scripts/jest-summary-reporter.js listed in jest.preset.js reporters?');
    } else if (missing.length > 0) {
      warn(`no test summary from: ${missing.join(', ')}`);
    }
    if (tests !== 0 && total.failed === 0) {
      // jest failed without a failed test (crash, no tests found, …)
      const count = Math.max(1, missing.length);
      total.failed += count;
      broken.push(`nx test exited with code ${tests} without a failed test${missing.length ? ` (no summary from ${missing.join(', ')})` : ''}`);
    }
  } else if (tests !== 0 && total.failed === 0) {
    total.failed += 1;
    broken.push(`nx test exited with code ${tests} without a failed test`);
  }

  if (checks !== 0) broken.unshift('lint, typecheck or build failed (see above)');
  for (const b of broken) process.stdout.write(`${color.red('✖')} ${b}\n`);

  const ok = tests === 0 && checks === 0 && total.failed === 0;
  process.stdout.write(`wall time ${formatDuration(Date.now() - began)}\n`);
  // Plain and alone on its line: CI reads this closing line as the run's count.
  process.stdout.write(`${summaryLine(total)}\n`);
  return ok ? 0 : tests || checks || 1;
}

if (isMain(import.meta.url)) {
  test().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = report(error);
    },
  );
}
