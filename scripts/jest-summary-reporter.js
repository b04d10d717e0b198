// Jest reporter: writes one small JSON summary per jest run to
// <repo>/.run/test-summary/ so that scripts/test.mjs can add up the whole
// workspace's results (nx runs one jest process per project).
//
// jest.preset.js: reporters: ['default', path.join(__dirname, 'scripts/jest-summary-reporter.js')]
// TEST_SUMMARY_DIR overrides the directory.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

function displayNameOf(value) {
  if (!value) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && typeof value.name === 'string') return value.name;
  return undefined;
}

function secondsPerFile(testResults, rootDir) {
  const rows = (testResults || [])
    .filter((t) => t.perfStats && t.perfStats.end && t.perfStats.start)
    .map((t) => [rootDir ? path.relative(rootDir, t.testFilePath) : t.testFilePath, Math.round((t.perfStats.end - t.perfStats.start) / 1000)])
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(rows);
}

class JestSummaryReporter {
  constructor(globalConfig, reporterOptions) {
    this.globalConfig = globalConfig || {};
    this.options = reporterOptions || {};
  }

  onRunComplete(testContexts, results) {
    try {
      this.write(testContexts, results);
    } catch (error) {
      // a summary must never break the test run itself
      process.stderr.write(`jest-summary-reporter: ${error && error.message}\n`);
    }
  }

  write(testContexts, results) {
    let project;
    for (const context of testContexts || []) {
      project = displayNameOf(context && context.config && context.config.displayName);
      if (project) break;
    }
    if (!project && results && Array.isArray(results.testResults)) {
      project = results.testResults.map((r) => displayNameOf(r.displayName)).find(Boolean);
    }
    if (!project && this.options.project) project = String(this.options.project);
    const rootDir = this.globalConfig.rootDir;
    const fallback = rootDir ? path.basename(rootDir) : undefined;

    const r = results || {};
    const summary = {
      project: project || fallback || 'unknown',
      passed: r.numPassedTests || 0,
      failed: r.numFailedTests || 0,
      skipped: (r.numPendingTests || 0) + (r.numTodoTests || 0),
      // suites that could not run at all (syntax error, failing import, …) have no failed test
      failedSuites: r.numFailedTestSuites || 0,
      runtimeErrorSuites: r.numRuntimeErrorTestSuites || 0,
      total: r.numTotalTests || 0,
      // (results.success is only set after the reporters have run)
      success: !r.numFailedTests && !r.numRuntimeErrorTestSuites && !r.numFailedTestSuites,
      rootDir,
      // where the run's time goes, slowest file first (the suite's wall time is a budget)
      secondsPerFile: secondsPerFile(r.testResults, rootDir),
      finishedAt: new Date().toISOString(),
    };

    const dir = process.env.TEST_SUMMARY_DIR || path.join(__dirname, '..', '.run', 'test-summary');
    fs.mkdirSync(dir, { recursive: true });
    const base = (project || `run-${crypto.randomBytes(4).toString('hex')}`).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '');
    // one file per jest run; a project run twice (e.g. unit + integration) gets a second file
    let file = path.join(dir, `${base}.json`);
    for (let i = 2; ; i++) {
      try {
        fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`, { flag: 'wx' });
        break;
      } catch (error) {
        if (error.code !== 'EEXIST' || i > 1000) throw error;
        file = path.join(dir, `${base}.${i}.json`);
      }
    }
  }
}

module.exports = JestSummaryReporter;
