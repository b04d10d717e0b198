import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { ProblemException, ProblemFilter } from '@openday/platform';
import { mountApiDocs } from '../api-docs/api-docs';
import { secureHeaders } from './security-headers';

@Controller('api/v1')
class SampleController {
  @Get('ping')
  ping(): { ok: boolean } {
    return { ok: true };
  }

  @Post('refuse')
  refuse(): never {
    throw new ProblemException({ status: 409, detail: 'No.' });
  }

  @Get('fail')
  fail(): never {
    throw new Error('boom');
  }
}

@Module({ controllers: [SampleController], providers: [{ provide: APP_FILTER, useClass: ProblemFilter }] })
class SampleModule {}

const EXPECTED: Record<string, string | null> = {
  'content-security-policy':
    "default-src 'self';img-src 'self' data: blob:;style-src 'self' 'unsafe-inline';script-src 'self';connect-src 'self';" +
    "font-src 'self' data:;object-src 'none';frame-ancestors 'none';base-uri 'self';form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
  'x-powered-by': null,
  'strict-transport-security': null,
};

/** The gateway's own wiring (main.ts): the headers first, then the API docs, on a real socket. */
describe('security headers on every answer of the gateway', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(SampleModule, { logger: false });
    secureHeaders(app);
    mountApiDocs(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it.each([
    ['an API answer', 'GET', '/api/v1/ping', 200],
    ['a refusal', 'POST', '/api/v1/refuse', 409],
    ['a failure', 'GET', '/api/v1/fail', 500],
    ['an unknown path', 'GET', '/nothing-here', 404],
    ['a preflight', 'OPTIONS', '/api/v1/ping', 404],
    ['the API docs page', 'GET', '/api/docs', 200],
    ['the OpenAPI document', 'GET', '/api/docs-json', 200],
  ])('%s (%s %s) carries them', async (_label, method, path, status) => {
    const res = await fetch(`${base}${path}`, { method });
    expect(res.status).toBe(status);
    const sent = Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, res.headers.get(name)]));
    expect(sent).toEqual(EXPECTED);
  });
});
