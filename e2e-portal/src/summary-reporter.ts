import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError } from '@playwright/test/reporter';

const ROOT = path.resolve(__dirname, '../..');
const PROJECT = '@openday/e2e-portal';

/**
 * Writes the same one-file summary scripts/jest-summary-reporter.js writes for the jest projects
 * to <repo>/.run/test-summary/ (TEST_SUMMARY_DIR overrides), so `npm test`'s closing line
 * counts the browser tests too. Errors outside any test (global setup, a file that does not
 * load) count as runtime errors, which scripts/test.mjs adds as failures.
 */
export default class SummaryReporter implements Reporter {
  private rootSuite?: Suite;
  private config?: FullConfig;
  private errors = 0;

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config;
    this.rootSuite = suite;
  }

  onError(_error: TestError): void {
    this.errors += 1;
  }

  onEnd(result: FullResult): void {
    try {
      this.write(result);
    } catch (error) {
      // a summary must never break the test run itself
      process.stderr.write(`summary-reporter: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  private write(result: FullResult): void {
    const tests: TestCase[] = this.rootSuite?.allTests() ?? [];
    const count = (...outcomes: Array<ReturnType<TestCase['outcome']>>) => tests.filter((t) => outcomes.includes(t.outcome())).length;
    const failedFiles = new Set(tests.filter((t) => t.outcome() === 'unexpected').map((t) => t.location.file));
    // A run interrupted or timed out as a whole, with no failed test to show for it, still failed.
    const runtimeErrorSuites = this.errors + (result.status !== 'passed' && count('unexpected') === 0 && this.errors === 0 ? 1 : 0);
    const summary = {
      project: PROJECT,
      passed: count('expected', 'flaky'),
      failed: count('unexpected'),
      skipped: count('skipped'),
      failedSuites: failedFiles.size,
      runtimeErrorSuites,
      total: tests.length,
      success: result.status === 'passed',
      rootDir: this.config?.rootDir,
      // What the tests noted without failing (e.g. axe's moderate and minor findings per page).
      notes: tests.flatMap((t) => t.results.flatMap((r) => r.annotations)).map((a) => `${a.type}: ${a.description ?? ''}`),
      // Where the run's time goes (the suite's wall time is the platform's budget), slowest file first.
      secondsPerFile: secondsPerFile(tests, this.config?.rootDir ?? ''),
      finishedAt: new Date().toISOString(),
    };
    const dir = process.env.TEST_SUMMARY_DIR || path.join(ROOT, '.run', 'test-summary');
    mkdirSync(dir, { recursive: true });
    const base = PROJECT.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '');
    let file = path.join(dir, `${base}.json`);
    for (let i = 2; ; i++) {
      try {
        writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`, { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || i > 1000) throw error;
        file = path.join(dir, `${base}.${i > 999 ? randomBytes(4).toString('hex') : i}.json`);
      }
    }
  }
}

function secondsPerFile(tests: TestCase[], rootDir: string): Record<string, number> {
  const totals = new Map<string, number>();
  for (const test of tests) {
    const file = path.relative(rootDir, test.location.file);
    totals.set(file, (totals.get(file) ?? 0) + test.results.reduce((sum, r) => sum + r.duration, 0) / 1000);
  }
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([file, seconds]) => [file, Math.round(seconds)]));
}
