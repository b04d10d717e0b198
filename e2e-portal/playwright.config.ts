import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The browser tests drive Debian's Chromium (scripts/test.mjs installs it with apt-get);
// Playwright's own browser download never runs here.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const ROOT = path.resolve(__dirname, '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: './src',
  // Libraries load from their builds (nx builds them first): see tsconfig.runtime.json.
  tsconfig: './tsconfig.runtime.json',
  testMatch: ['**/*.spec.ts'],
  outputDir: path.join(ROOT, '.data', 'playwright'),
  globalSetup: './src/global-setup.ts',
  // One worker: it holds the whole platform (six processes) and the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A journey of a dozen screens takes a minute alone; on 2 cores beside the e2e suite it may take three.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [[process.env.CI ? 'line' : 'list'], ['./src/summary-reporter.ts']],
  use: {
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // A failure keeps its trace (actions, network, the DOM at each step); without the screencast,
    // which took 12-15% of the CPU and 15-20% of the wall time of page-heavy tests here.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Chromium's sandbox cannot start as root.
      args: isRoot ? ['--no-sandbox'] : [],
    },
  },
  projects: [{ name: 'chromium' }],
});
