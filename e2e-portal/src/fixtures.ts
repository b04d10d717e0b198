import { test as base, expect } from '@playwright/test';
import { PortalPlatform } from './platform';

export { expect };

/**
 * `platform`: the tests' handle on the whole platform that the global setup started once for
 * the run (src/global-setup.ts); every test makes the open days and citizens it needs.
 * `baseURL` is the gateway, which serves the built portal and the API on one origin.
 * `page` fails its test if Chromium refused anything under the gateway's Content-Security-Policy.
 */
export const test = base.extend<object, { platform: PortalPlatform }>({
  platform: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(new PortalPlatform());
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ platform }, use) => {
    await use(platform.url);
  },
  page: async ({ page }, use) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    await use(page);
    expect(refused, 'nothing refused by the Content-Security-Policy').toEqual([]);
  },
});
