import { existsSync } from 'node:fs';
import path from 'node:path';
import { PORTAL_DIR } from './platform';

/**
 * Before any browser starts: the machine has the browser and fonts (scripts/test.mjs installs
 * them; a direct `nx run @openday/e2e-portal:test` only checks), and the portal is built.
 */
export default async function globalSetup(): Promise<void> {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { browserPrerequisites, probeBrowserPrerequisites } = await import('../../scripts/lib/browser-prerequisites.mjs');
  // Only a check here: installing is npm test's job (scripts/test.mjs), done before nx runs.
  const decision = browserPrerequisites({ ...probeBrowserPrerequisites(), isRoot: false });
  if (decision.action === 'stop') throw new Error(`${decision.message}\n  (npm test installs them itself when run as root)`);
  if (!existsSync(path.join(PORTAL_DIR, 'index.html'))) {
    throw new Error(`the portal is not built (${path.join(PORTAL_DIR, 'index.html')} is missing): npx nx run @openday/web:build`);
  }
}
