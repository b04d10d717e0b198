import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import serveStatic from 'serve-static';

type Next = (err?: unknown) => void;

/** services/web/dist, reached the same way from src/portal (tests) and dist/portal (the running gateway). */
export const DEFAULT_PORTAL_DIR = resolve(__dirname, '..', '..', '..', 'web', 'dist');

/** Paths the gateway itself answers: the portal never shadows them, and an unknown one stays a problem+json 404. */
const GATEWAY_PATHS = ['/api', '/health', '/metrics'];

/** Vite names what it builds under assets/ by content hash: a changed file is a new URL, so it may be kept for a year. */
const HASHED_ASSETS = `${sep}assets${sep}`;
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
/** index.html (and anything not hashed) is checked with the server on every use, so a deploy shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built citizen portal (a single-page app) at / on the gateway's
 * own origin, so it calls /api without CORS: its files as they are, and
 * index.html for any other GET path that does not look like a file (the app's
 * own routes), under the security headers every answer gets (hardening/
 * security-headers). /api, /health and /metrics are left to the gateway. Without an
 * index.html in `portalDir` nothing is served and one line says why.
 * Returns whether the portal is served.
 */
export function servePortal(app: INestApplication, portalDir: string): boolean {
  const logger = new Logger('Portal');
  if (!existsSync(join(portalDir, 'index.html'))) {
    logger.log(`portal not served: ${portalDir} has no index.html (build @openday/web or set PORTAL_DIR)`);
    return false;
  }
  const files = serveStatic(portalDir, {
    index: false,
    redirect: false,
    cacheControl: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes(HASHED_ASSETS) ? CACHE_FOREVER : REVALIDATE),
  });
  app.use((req: IncomingMessage, res: ServerResponse, next: Next) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isGatewayPath(path)) return next();
    files(req, res, () => {
      if (looksLikeFile(path)) return next();
      req.url = '/index.html';
      files(req, res, next);
    });
  });
  logger.log(`portal served from ${portalDir}`);
  return true;
}

function isGatewayPath(path: string): boolean {
  return GATEWAY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** /assets/app-1a2b.js or /favicon.ico: a missing one is a 404, not the app's page. */
function looksLikeFile(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1).includes('.');
}
