import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { ProblemFilter } from '@openday/platform';
import { secureHeaders } from '../hardening/security-headers';
import { servePortal } from './portal';

@Controller('api/v1')
class PingController {
  @Get('ping')
  ping(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [PingController], providers: [{ provide: APP_FILTER, useClass: ProblemFilter }] })
class ApiOnlyModule {}

const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/x-abc123.js"></script></body></html>';
const CSP =
  "default-src 'self';img-src 'self' data: blob:;style-src 'self' 'unsafe-inline';script-src 'self';connect-src 'self';" +
  "font-src 'self' data:;object-src 'none';frame-ancestors 'none';base-uri 'self';form-action 'self'";

/** A gateway-like app (the problem filter, an /api route) with the portal mounted, on a real socket. */
async function start(portalDir: string): Promise<{ app: INestApplication; base: string; served: boolean }> {
  const app = await NestFactory.create(ApiOnlyModule, { logger: false });
  secureHeaders(app);
  const served = servePortal(app, portalDir);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, served };
}

describe('the portal on the gateway’s origin', () => {
  let dir: string;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'x-abc123.js'), 'console.log("portal");\n');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ({ app, base } = await start(dir));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, { redirect: 'manual', ...init });

  it.each(['/', '/open-days/6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', '/my/tickets?tab=upcoming'])(
    'answers %s with index.html, revalidated every time, under a strict CSP',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('serves hashed assets as immutable for a year, other files revalidated', async () => {
    const asset = await get('/assets/x-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toContain('portal');
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a HEAD like the GET, and a conditional GET with 304', async () => {
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    const etag = head.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch marks a request with If-None-Match as no-cache, which always gets the full answer.
    const status = await new Promise<number | undefined>((done, fail) =>
      request(`${base}/somewhere`, { headers: { 'if-none-match': etag! } }, (res) => done(res.resume().statusCode)).on('error', fail).end(),
    );
    expect(status).toBe(304);
  });

  it('does not pass the page off as a missing file', async () => {
    const res = await get('/assets/gone-0000.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['an unknown API path', '/api/v1/nothing-here'],
    ['the API root', '/api'],
    ['an unknown health path', '/health/nothing'],
  ])('leaves %s to the gateway: a problem+json 404', async (_label, path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, instance: path });
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('leaves the API its answers, with the common headers and no X-Powered-By', async () => {
    const res = await get('/api/v1/ping');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the page to GET only: a POST to a page path is a 404', async () => {
    expect((await get('/open-days', { method: 'POST' })).status).toBe(404);
  });
});

describe('without a built portal', () => {
  it.each([
    ['a missing directory', (root: string) => join(root, 'nowhere')],
    ['an empty directory', (root: string) => root],
  ])('serves nothing for %s and the API still answers', async (_label, portalDir) => {
    const root = mkdtempSync(join(tmpdir(), 'portal-'));
    const { app, base, served } = await start(portalDir(root));
    try {
      expect(served).toBe(false);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(404);
      expect(page.headers.get('x-powered-by')).toBeNull();
      expect((await fetch(`${base}/api/v1/ping`)).status).toBe(200);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
