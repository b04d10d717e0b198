import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PlatformProcesses, PORTAL_DIR, ROOT } from './platform';

/**
 * Before any browser starts: the machine has the browser and fonts (scripts/test.mjs installs
 * them; a direct `nx run @openday/e2e-portal:test` only checks), and the portal is built. Then
 * the whole platform starts, once for the run; the returned function stops it at the end.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { browserPrerequisites, probeBrowserPrerequisites } = await import('@openday/scripts/lib/browser-prerequisites.mjs');
  // Only a check here: installing is npm test's job (scripts/test.mjs), done before nx runs.
  const decision = browserPrerequisites({ ...probeBrowserPrerequisites(), isRoot: false });
  if (decision.action === 'stop') throw new Error(`${decision.message}\n  (npm test installs them itself when run as root)`);
  if (!existsSync(path.join(PORTAL_DIR, 'index.html'))) {
    throw new Error(`the portal is not built (${path.join(PORTAL_DIR, 'index.html')} is missing): npx nx run @openday/web:build`);
  }
  // The gateway serves a copy: a rebuild of services/web/dist during the run (another nx run,
  // a colleague's build) would otherwise swap the hashed page chunks under an open page.
  const portalCopy = path.join(ROOT, '.data', 'e2e-portal', `portal-${process.pid}`);
  cpSync(PORTAL_DIR, portalCopy, { recursive: true });
  const platform = new PlatformProcesses();
  const stop = async () => {
    await platform.stop().catch(() => undefined);
    rmSync(portalCopy, { recursive: true, force: true });
  };
  try {
    await platform.start(portalCopy);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
