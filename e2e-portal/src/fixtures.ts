import { test as base, expect } from '@playwright/test';
import { PortalPlatform } from './platform';

export { expect };

/**
 * `platform`: the whole platform, started once per worker (there is one worker) when a test
 * first asks for it, and stopped when the worker ends. A worker restarted after a failure
 * starts a fresh platform, so every test makes the open days and citizens it needs.
 */
export const test = base.extend<object, { platform: PortalPlatform }>({
  platform: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const platform = new PortalPlatform();
      try {
        await platform.start();
        await use(platform);
      } finally {
        await platform.stop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ platform }, use) => {
    await use(platform.url);
  },
});
