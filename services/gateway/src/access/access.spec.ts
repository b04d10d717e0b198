import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Controller, Get, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@openday/contracts';
import { ConfigError, loadConfig, ManualClock, ProblemException } from '@openday/platform';
import { GatewayConfig } from '../gateway.config';
import { Access, ACCESS_EXTENSION, RateLimit } from './access.decorator';
import { AccessGuard } from './access.guard';
import { AccessTokens, type AccessClaims } from './access-tokens';
import type { ActorLoader } from './actor-loader';
import { agencyFilterFor, assertAgencyVisible, canSeeAgency } from './agency-scope';
import { clientAddress, rateLimitClassOf } from './rate-limit.guard';
import { GatewaySecrets } from './secrets';

const STAFF_ID = '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41';

@Controller('api/v1/probe')
@Access('city-office')
class ProbeController {
  @Get('class-rule') classRule() {}
  @Get('own-rule') @Access('agency-staff', 'reviewer') ownRule() {}
  @Get('public') @Access.public() open() {}
  @Get('sign-in') @Access.public() @RateLimit('sign-in') signIn() {}
}

@Controller('api/v1/bare')
class BareController {
  @Get() undeclared() {}
}

@Controller('health')
class HealthLikeController {
  @Get('live') live() {}
}

function contextFor(controller: new () => object, method: string, headers: Record<string, string> = {}) {
  const request: { headers: Record<string, string>; user?: Actor } = { headers };
  const response = { headers: {} as Record<string, string>, setHeader(name: string, value: string) { this.headers[name] = value; } };
  const context = {
    getType: () => 'http',
    getHandler: () => (controller.prototype as Record<string, unknown>)[method],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { context, request, response };
}

describe('@Access declarations', () => {
  it('document each operation’s rule as x-access, the method’s own rule winning over the class’s', () => {
    const extension = (method: keyof ProbeController) =>
      (Reflect.getMetadata('swagger/apiExtension', ProbeController.prototype[method]) as Record<string, unknown>)[ACCESS_EXTENSION];
    expect(extension('classRule')).toEqual(['city-office']);
    expect(extension('ownRule')).toEqual(['agency-staff', 'reviewer']);
    expect(extension('open')).toEqual(['public']);
  });

  it('refuse unknown roles and empty rules at start-up', () => {
    expect(() => Access('mayor' as never)).toThrow('unknown role "mayor"');
    expect(() => (Access as (...roles: never[]) => unknown)()).toThrow('at least one role');
  });

  it('put public routes under the public limit, sign-in routes under theirs, others under none', () => {
    expect(rateLimitClassOf(contextFor(ProbeController, 'open').context)).toBe('public');
    expect(rateLimitClassOf(contextFor(ProbeController, 'signIn').context)).toBe('sign-in');
    expect(rateLimitClassOf(contextFor(ProbeController, 'classRule').context)).toBeUndefined();
  });
});

describe('AccessGuard', () => {
  const clock = new ManualClock(new Date('2026-11-20T08:00:00.000Z'));
  const config = loadConfig(GatewayConfig, {});
  const tokens = new AccessTokens(new GatewaySecrets(config), clock, config);
  const accounts = new Map<string, Actor>([[STAFF_ID, { userId: STAFF_ID, role: 'agency-staff', agencyId: 'water-affairs-bureau' }]]);
  const loader = { load: async (claims: Pick<AccessClaims, 'sub'>) => accounts.get(claims.sub) } as unknown as ActorLoader;
  const guard = new AccessGuard(new Reflector(), tokens, loader);
  let staffToken: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    staffToken = (await tokens.issue({ id: STAFF_ID, kind: 'staff', role: 'agency-staff', agencyId: 'water-affairs-bureau' })).token;
  });

  async function outcome(controller: new () => object, method: string, headers: Record<string, string> = {}) {
    const { context, request, response } = contextFor(controller, method, headers);
    try {
      await guard.canActivate(context);
      return { status: 'allowed', user: request.user, headers: response.headers };
    } catch (err) {
      return { status: (err as ProblemException).getStatus(), user: request.user, headers: response.headers };
    }
  }

  it('refuses an operation without a declaration to everyone (fails closed)', async () => {
    expect((await outcome(BareController, 'undeclared')).status).toBe(403);
    expect((await outcome(BareController, 'undeclared', { authorization: `Bearer ${staffToken}` })).status).toBe(403);
  });

  it('lets the platform’s probes and metrics through', async () => {
    expect((await outcome(HealthLikeController, 'live')).status).toBe('allowed');
  });

  it('answers 401 with WWW-Authenticate without a token, or with a bad one', async () => {
    const none = await outcome(ProbeController, 'ownRule');
    expect(none.status).toBe(401);
    expect(none.headers['WWW-Authenticate']).toBe('Bearer');
    const forged = await outcome(ProbeController, 'ownRule', { authorization: `Bearer ${staffToken.slice(0, -2)}xx` });
    expect(forged.status).toBe(401);
    expect(forged.headers['WWW-Authenticate']).toContain('invalid_token');
  });

  it('answers 403 to a role the rule does not name, and sets request.user for one it does', async () => {
    const auth = { authorization: `Bearer ${staffToken}` };
    expect((await outcome(ProbeController, 'classRule', auth)).status).toBe(403);
    const allowed = await outcome(ProbeController, 'ownRule', auth);
    expect(allowed).toMatchObject({ status: 'allowed', user: { userId: STAFF_ID, role: 'agency-staff', agencyId: 'water-affairs-bureau' } });
  });

  it('uses the account as it is now: a disabled (unknown) account gets 401', async () => {
    const ghost = (await tokens.issue({ id: '00000000-0000-4000-8000-000000000009', kind: 'staff', role: 'city-office' })).token;
    expect((await outcome(ProbeController, 'classRule', { authorization: `Bearer ${ghost}` })).status).toBe(401);
  });

  it('lets anyone call a public operation, and still tells who a signed-in caller is', async () => {
    expect(await outcome(ProbeController, 'open')).toMatchObject({ status: 'allowed', user: undefined });
    expect(await outcome(ProbeController, 'open', { authorization: `Bearer ${staffToken}` })).toMatchObject({
      status: 'allowed',
      user: { userId: STAFF_ID },
    });
    expect(await outcome(ProbeController, 'open', { authorization: 'Bearer junk' })).toMatchObject({ status: 'allowed', user: undefined });
  });

  it('refuses an access token once the clock passes its expiry', async () => {
    const token = (await tokens.issue({ id: STAFF_ID, kind: 'staff', role: 'agency-staff' })).token;
    clock.advance(config.ACCESS_TOKEN_TTL_SECONDS * 1000 - 1000);
    expect(await tokens.verify(token)).toMatchObject({ sub: STAFF_ID });
    clock.advance(1000);
    expect(await tokens.verify(token)).toBeUndefined();
    clock.advance(-config.ACCESS_TOKEN_TTL_SECONDS * 1000);
  });

  it('refuses a token signed with another secret', async () => {
    const other = new AccessTokens(new GatewaySecrets({ JWT_SECRET: 'x'.repeat(40) }), clock, config);
    const token = (await other.issue({ id: STAFF_ID, kind: 'staff', role: 'agency-staff' })).token;
    expect(await tokens.verify(token)).toBeUndefined();
  });
});

describe('agency isolation', () => {
  const cityOffice: Actor = { userId: STAFF_ID, role: 'city-office', agencyId: 'city-office' };
  const water: Actor = { userId: STAFF_ID, role: 'agency-admin', agencyId: 'water-affairs-bureau' };
  const citizen: Actor = { userId: STAFF_ID, role: 'citizen' };

  it.each<[string, Actor, string, boolean]>([
    ['the city office sees any agency', cityOffice, 'gulou-district', true],
    ['staff see their own agency', water, 'water-affairs-bureau', true],
    ['staff do not see another agency', water, 'gulou-district', false],
    ['citizens see no agency’s staff data', citizen, 'water-affairs-bureau', false],
  ])('%s', (_label, actor, agency, visible) => {
    expect(canSeeAgency(actor, agency)).toBe(visible);
  });

  it('answers another agency’s data with 404, not 403', () => {
    expect(() => assertAgencyVisible(water, 'gulou-district')).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 404 }) }));
    expect(agencyFilterFor(water)).toBe('water-affairs-bureau');
    expect(agencyFilterFor(cityOffice)).toBeUndefined();
  });
});

describe('client address for rate limits', () => {
  const request = (xff?: string) => ({ socket: { remoteAddress: '10.0.0.5' }, headers: xff ? { 'x-forwarded-for': xff } : {} });
  it.each([
    [0, '203.0.113.9', '10.0.0.5'],
    [1, '198.51.100.1, 203.0.113.9', '203.0.113.9'],
    [2, '198.51.100.1, 203.0.113.9', '198.51.100.1'],
    [1, undefined, '10.0.0.5'],
  ])('%i trusted hops, X-Forwarded-For %p → %s', (hops, xff, address) => {
    expect(clientAddress(request(xff), hops)).toBe(address);
  });
});

describe('secrets in the configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(GatewayConfig, env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  const natsCredentials = { NATS_USER: 'gateway', NATS_PASSWORD: 'nats-password' };
  const personalDataKeys = { PERSONAL_DATA_KEY: randomBytes(32).toString('base64'), PERSONAL_DATA_HASH_KEY: randomBytes(32).toString('base64') };

  it('requires JWT_SECRET and MOBILE_HASH_KEY in production, naming them', () => {
    expect(problems({ NODE_ENV: 'production', ...natsCredentials, ...personalDataKeys })).toEqual([
      'JWT_SECRET must be a secret of at least 32 characters (required in production) (not set)',
      'MOBILE_HASH_KEY must be a secret of at least 32 characters (required in production) (not set)',
    ]);
    expect(
      problems({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(32), MOBILE_HASH_KEY: 'm'.repeat(32), ...natsCredentials, ...personalDataKeys }),
    ).toEqual([]);
  });

  it('requires the personal-data keys (staff e-mail addresses at rest) in production, naming them', () => {
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(32), MOBILE_HASH_KEY: 'm'.repeat(32) })).toEqual([
      'PERSONAL_DATA_KEY must be set when NODE_ENV=production (32 random bytes, base64, e.g. from `openssl rand -base64 32`)',
      'PERSONAL_DATA_HASH_KEY must be set when NODE_ENV=production (32 random bytes, base64, e.g. from `openssl rand -base64 32`)',
    ]);
  });

  it('refuses a short secret anywhere, and falls back to the development defaults when unset outside production', () => {
    expect(problems({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be a secret of at least 32 characters (required in production) (got "short")']);
    const secrets = new GatewaySecrets(loadConfig(GatewayConfig, {}));
    expect(secrets.defaulted).toEqual(['JWT_SECRET', 'MOBILE_HASH_KEY']);
    expect(secrets.mobileLookupKey.equals(secrets.signInCodeKey)).toBe(false);
  });

  it.each([
    ['ACCESS_TOKEN_TTL_SECONDS', '30', 'ACCESS_TOKEN_TTL_SECONDS must be an integer between 60 and 3600 (got "30")'],
    ['SIGN_IN_CODE_TTL_SECONDS', 'soon', 'SIGN_IN_CODE_TTL_SECONDS must be an integer between 1 and 900 (got "soon")'],
    ['RATE_LIMIT_SIGN_IN_PER_MINUTE', '0', 'RATE_LIMIT_SIGN_IN_PER_MINUTE must be an integer between 1 and 100000 (got "0")'],
  ])('names %s when it is bad', (variable, value, problem) => {
    expect(problems({ [variable]: value })).toEqual([problem]);
  });
});
