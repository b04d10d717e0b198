import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { PORTAL_DIR, PortalPlatform } from './platform';

export { expect };

/**
 * `platform`: the whole platform, started once per worker (there is one worker) when a test
 * first asks for it, and stopped when the worker ends. A worker restarted after a failure
 * starts a fresh platform, so every test makes the open days and citizens it needs.
 * `baseURL` is the gateway, which serves the built portal and the API on one origin.
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
  context: async ({ context, platform }, use) => {
    if (!(await platform.servesPortal())) await servePortalFromDisk(context, platform.url);
    await use(context);
  },
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Stand-in while the gateway does not serve PORTAL_DIR yet: the browser gets the built portal's
 * files from disk on the gateway's origin (index.html for any other path, as a single-page
 * app), and /api goes to the gateway itself.
 */
async function servePortalFromDisk(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.startsWith('/api/') || pathname.startsWith('/health')) return route.continue();
    const file = path.join(PORTAL_DIR, path.normalize(pathname));
    const found = file.startsWith(PORTAL_DIR) && existsSync(file) && statSync(file).isFile() ? file : path.join(PORTAL_DIR, 'index.html');
    await route.fulfill({ status: 200, body: readFileSync(found), headers: { 'content-type': TYPES[path.extname(found)] ?? 'application/octet-stream' } });
  });
}
