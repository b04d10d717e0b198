#!/usr/bin/env node
// Installs the workspace's dependencies when they are missing or stale.
//
//   node scripts/ensure-deps.mjs [--force]
//
// Stale means: node_modules is missing, or package-lock.json, the root
// package.json or any workspace package.json is newer than
// node_modules/.package-lock.json (npm's record of the last install), or a
// workspace has no link in node_modules. `npm ci` is not used: it rejects a
// lockfile made on another platform (optional native binaries missing), while
// `npm install` with the lockfile works and leaves it unchanged.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, isMain } from './lib/services.mjs';
import { UserError, log, npmCommand, npxCommand, run, runCli, sleep, succeeds, warn } from './lib/run.mjs';

/** Workspace package directories from the root package.json "workspaces" globs (dir/* and plain dirs). */
export function workspaceDirs(root = ROOT) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const patterns = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces?.packages ?? []);
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json'))) dirs.push(join(parent, entry.name));
      }
    } else if (!pattern.includes('*') && existsSync(join(root, pattern, 'package.json'))) {
      dirs.push(join(root, pattern));
    }
  }
  return dirs;
}

const mtime = (file) => statSync(file).mtimeMs;

/** Why an install is needed ([] when node_modules is up to date). */
export function installReasons(root = ROOT) {
  const nodeModules = join(root, 'node_modules');
  const marker = join(nodeModules, '.package-lock.json');
  if (!existsSync(nodeModules)) return ['node_modules is missing'];
  if (!existsSync(marker)) return ['node_modules/.package-lock.json is missing (no complete npm install yet)'];
  const installedAt = mtime(marker);
  const reasons = [];
  for (const file of ['package-lock.json', 'package.json']) {
    const path = join(root, file);
    if (existsSync(path) && mtime(path) > installedAt) reasons.push(`${file} changed`);
  }
  for (const dir of workspaceDirs(root)) {
    const manifest = join(dir, 'package.json');
    const rel = manifest.slice(root.length + 1);
    if (mtime(manifest) > installedAt) reasons.push(`${rel} changed`);
    let name;
    try {
      name = JSON.parse(readFileSync(manifest, 'utf8')).name;
    } catch {
      throw new UserError(`${rel} is not valid JSON`);
    }
    if (name && !existsSync(join(nodeModules, name))) reasons.push(`workspace ${name} is not linked`);
  }
  if (!existsSync(join(nodeModules, '.bin', process.platform === 'win32' ? 'nx.cmd' : 'nx'))) reasons.push('nx is not installed');
  return [...new Set(reasons)];
}

// A lock directory so that two scripts started together (npm start + npm test)
// do not run npm install over each other.
async function withInstallLock(root, fn) {
  const dir = join(root, '.run');
  const lock = join(dir, 'deps.lock');
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created or removed */
      }
      let alive = false;
      if (Number.isInteger(holder) && holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch (e) {
          alive = e.code === 'EPERM';
        }
      } else {
        // no pid yet: treat as alive unless the lock is old
        try {
          alive = Date.now() - statSync(lock).mtimeMs < 30_000;
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new UserError(`another npm install (pid ${holder}) holds ${lock} for too long; remove it if that process is gone`);
      if (!announced) log(`waiting for another install (pid ${holder}) to finish…`);
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs dependencies when needed. Returns { installed, reasons }.
 * Options: root, force (install even when up to date), quiet.
 */
export async function ensureDeps({ root = ROOT, force = false, quiet = false } = {}) {
  let reasons = force ? ['--force'] : installReasons(root);
  if (reasons.length === 0) {
    if (!quiet) log('dependencies are up to date');
    return { installed: false, reasons };
  }
  return withInstallLock(root, async () => {
    // someone else may have installed while we waited for the lock
    reasons = force ? reasons : installReasons(root);
    if (reasons.length === 0) {
      if (!quiet) log('dependencies are up to date (installed by the other run)');
      return { installed: false, reasons };
    }
    log(`installing dependencies (${reasons.slice(0, 4).join('; ')}${reasons.length > 4 ? '; …' : ''})`);
    await run(npmCommand, ['install', '--no-audit', '--no-fund'], {
      cwd: root,
      env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
      label: 'npm install',
    });
    // npm may leave the hidden lockfile untouched when nothing changed; mark the install as fresh
    const marker = join(root, 'node_modules', '.package-lock.json');
    if (existsSync(marker)) {
      const now = new Date();
      utimesSync(marker, now, now);
    } else {
      warn('npm install finished but node_modules/.package-lock.json is missing');
    }
    // npm 11 skips dependencies' install scripts; nx works without its postinstall, check that it runs
    if (!succeeds(npxCommand, ['--no-install', 'nx', '--version'], { cwd: root, timeoutMs: 60_000 })) {
      throw new UserError('dependencies were installed but `npx nx --version` does not run; see the npm output above');
    }
    log('dependencies installed');
    return { installed: true, reasons };
  });
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    await ensureDeps({ force: process.argv.includes('--force') });
    return 0;
  });
}
