/**
 * After a deploy, a page still open in a phone asks for page chunks of the build
 * before, which are gone (404). The fix is to load the page again, once: a second
 * failure within a minute is a real problem and shows the error page.
 */
const CHUNK_LOAD_FAILURES = [
  'Failed to fetch dynamically imported module', // Chromium
  'error loading dynamically imported module', // Firefox
  'Importing a module script failed', // Safari
  'Unable to preload CSS', // Vite's own preload of a page's stylesheet
];
const RELOAD_GUARD_MS = 60_000;

export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return CHUNK_LOAD_FAILURES.some((failure) => message.includes(failure));
}

/** Whether to reload now, given when this tab last reloaded for it (ms, or null never). */
export function shouldReloadForStaleBuild(error: unknown, lastReloadAt: number | null, now: number): boolean {
  if (!isChunkLoadError(error)) return false;
  return lastReloadAt === null || now - lastReloadAt > RELOAD_GUARD_MS;
}
