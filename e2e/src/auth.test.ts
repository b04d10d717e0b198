import { DEMO_ACCOUNTS, DEMO_PASSWORD, freePort, GatewayClient, PlatformHarness, ServiceProcess, waitFor } from '@openday/testing';


interface TokenPair {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  actor: { userId: string; role: string; agencyId?: string };
}

interface Problem {
  type: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; rule: string }>;
}

/**
 * Staff and citizen sign-in, sessions and their limits, over HTTP against the
 * whole platform. A second gateway replica on the same database and bus runs
 * with tight limits (sign-in rate, code life, resend interval and daily
 * allowance) so those rules can be seen within seconds.
 */
describe('accounts and sign-in', () => {
  const platform = new PlatformHarness();
  let strict: ServiceProcess;
  const codesRead = new Map<string, number>();

  beforeAll(async () => {
    // Behind one trusted proxy: a test names its client in X-Forwarded-For, so its count starts at zero.
    await platform.start({ gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '10000', TRUSTED_PROXY_HOPS: '1' } });
    const gatewayEnv = platform.service('gateway').options.env;
    await platform.seedDemoCity();
    strict = new ServiceProcess({
      service: 'gateway',
      port: await freePort(),
      env: {
        ...gatewayEnv,
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '8',
        SIGN_IN_CODE_TTL_SECONDS: '2',
        SIGN_IN_CODE_RESEND_SECONDS: '1',
        SIGN_IN_CODES_PER_DAY: '3',
      },
    });
    await strict.start({ readyTimeoutMs: 45_000 });
  }, 120_000);
  afterAll(async () => {
    await strict?.stop();
    await platform.stop();
  }, 60_000);

  /** The strict replica's citizen tests come from an address of their own: the lenient replica's traffic from 127.0.0.1 counts against the same limit. */
  const STRICT_CLIENT = { 'x-forwarded-for': '198.51.100.10' };

  async function post(base: string, route: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await new GatewayClient(base).call('POST', `/api/v1${route}`, body, undefined, headers);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as unknown };
  }

  async function get(base: string, route: string, token?: string) {
    const res = await new GatewayClient(base).call('GET', `/api/v1${route}`, undefined, token);
    return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
  }

  async function staffSignIn(username: string, password = DEMO_PASSWORD, base = platform.gateway, headers: Record<string, string> = {}) {
    return post(base, '/auth/staff/sign-in', { username, password }, headers);
  }

  /** The newest code sent to the number and not read here before, from the internal event on the bus as the notification service reads it. */
  async function sentCode(mobile: string): Promise<string> {
    const codes = await platform.signInCodes();
    const read = codesRead.get(mobile) ?? 0;
    const code = await waitFor(() => (codes.sentTo(mobile).length > read ? codes.sentTo(mobile).at(-1) : undefined), { what: `the sign-in code for ${mobile}` });
    codesRead.set(mobile, codes.sentTo(mobile).length);
    return code;
  }

  function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number): Problem {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return response.body as Problem;
  }

  function claimsOf(jwt: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  }

  let nextMobile = 13600000000;
  const newMobile = () => String(nextMobile++);

  describe('staff', () => {
    it.each(DEMO_ACCOUNTS.map((a) => [a.username, a]))('%s signs in with the demo password and sees who they are', async (_name, account) => {
      const res = await staffSignIn(account.username);
      expect(res.status).toBe(200);
      const pair = res.body as TokenPair;
      expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, actor: { role: account.role, agencyId: account.agencyId } });
      const claims = claimsOf(pair.accessToken);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
      expect(claims).toMatchObject({ sub: pair.actor.userId, role: account.role, iss: 'openday-gateway', aud: 'openday-api' });
      const me = await get(platform.gateway, '/auth/me', pair.accessToken);
      expect(me).toMatchObject({ status: 200, body: pair.actor });
    });

    it('a wrong password and an unknown username get the same 401, and no tokens', async () => {
      const wrong = expectProblem(await staffSignIn('water-admin', 'not-the-password'), 401);
      const unknown = expectProblem(await staffSignIn('nobody-here', 'not-the-password'), 401);
      expect(wrong).toMatchObject({ type: unknown.type, detail: unknown.detail });
      expect(JSON.stringify(wrong)).not.toContain('accessToken');
    });

    it('refresh hands out new tokens and uses up the old refresh token; reusing it revokes the whole session', async () => {
      const first = (await staffSignIn('water-staff')).body as TokenPair;
      const second = await post(platform.gateway, '/auth/refresh', { refreshToken: first.refreshToken });
      expect(second.status).toBe(200);
      const pair2 = second.body as TokenPair;
      expect(pair2.refreshToken).not.toBe(first.refreshToken);
      expect((await get(platform.gateway, '/auth/me', pair2.accessToken)).status).toBe(200);

      const reused = expectProblem(await post(platform.gateway, '/auth/refresh', { refreshToken: first.refreshToken }), 401);
      expect(reused.type).toContain('refresh-token-reused');
      // The thief's copy killed the family: the legitimate newer token is revoked too.
      expectProblem(await post(platform.gateway, '/auth/refresh', { refreshToken: pair2.refreshToken }), 401);
      // Other sessions of the same account are untouched.
      const other = (await staffSignIn('water-staff')).body as TokenPair;
      expect((await post(platform.gateway, '/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
    });

    it('sign-out ends the session', async () => {
      const pair = (await staffSignIn('water-reviewer')).body as TokenPair;
      expect((await post(platform.gateway, '/auth/sign-out', { refreshToken: pair.refreshToken })).status).toBe(204);
      expectProblem(await post(platform.gateway, '/auth/refresh', { refreshToken: pair.refreshToken }), 401);
    });

    it('a disabled account is locked out at once: its access token, its refresh token and its password', async () => {
      const admin = (await staffSignIn('water-admin')).body as TokenPair;
      const created = await post(
        platform.gateway,
        '/agencies/water-affairs-bureau/accounts',
        { username: 'water-temp', displayName: '临时人员', role: 'agency-staff', password: 'temporary-pass-1' },
        { authorization: `Bearer ${admin.accessToken}`, 'x-correlation-id': 'e2e-create-temp' },
      );
      expect(created.status).toBe(201);
      const account = created.body as { id: string };
      const temp = (await staffSignIn('water-temp', 'temporary-pass-1')).body as TokenPair;
      expect((await get(platform.gateway, '/auth/me', temp.accessToken)).status).toBe(200);

      const disabled = await platform.client.call('PATCH', `/api/v1/agencies/water-affairs-bureau/accounts/${account.id}`, { disabled: true }, admin.accessToken, {
        'x-correlation-id': 'e2e-disable-temp',
      });
      expect(disabled.status).toBe(200);
      expectProblem(await get(platform.gateway, '/auth/me', temp.accessToken), 401);
      expectProblem(await post(platform.gateway, '/auth/refresh', { refreshToken: temp.refreshToken }), 401);
      expectProblem(await staffSignIn('water-temp', 'temporary-pass-1'), 401);

      const office = (await staffSignIn('city-office')).body as TokenPair;
      const log = await get(platform.gateway, `/audit-log?targetId=${account.id}`, office.accessToken);
      const entries = (log.body as { items: Array<{ action: string; correlationId: string; actor: { userId: string } }> }).items;
      expect(entries.map((e) => [e.action, e.correlationId, e.actor.userId])).toEqual([
        ['account.disabled', 'e2e-disable-temp', admin.actor.userId],
        ['account.created', 'e2e-create-temp', admin.actor.userId],
      ]);
    });
  });

  describe('citizens', () => {
    it('sign in with a code that travels only on the internal subject; the first sign-in creates the account, the next finds it', async () => {
      const mobile = newMobile();
      const sent = await post(platform.gateway, '/auth/citizen/sign-in-codes', { mobile: `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` });
      expect(sent).toMatchObject({ status: 202, body: { resendAfterSeconds: 60, expiresAt: expect.any(String) } });
      const code = await sentCode(mobile);
      expect(code).toMatch(/^\d{6}$/);

      const signedIn = await post(platform.gateway, '/auth/citizen/sign-in', { mobile, code });
      expect(signedIn.status).toBe(200);
      const pair = signedIn.body as TokenPair;
      expect(pair.actor).toEqual({ userId: expect.any(String), role: 'citizen' });
      expect((await get(platform.gateway, '/auth/me', pair.accessToken)).body).toEqual(pair.actor);

      // Single use.
      const again = expectProblem(await post(platform.gateway, '/auth/citizen/sign-in', { mobile, code }), 401);
      expect(again.errors?.[0]).toMatchObject({ field: 'code', rule: 'used' });

      // The next sign-in (through the other replica, whose resend interval is 1 s) finds the same account.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await post(strict.url, '/auth/citizen/sign-in-codes', { mobile }, STRICT_CLIENT)).status).toBe(202);
      const next = await post(strict.url, '/auth/citizen/sign-in', { mobile, code: await sentCode(mobile) }, STRICT_CLIENT);
      expect((next.body as TokenPair).actor.userId).toBe(pair.actor.userId);

      // The event is internal: nothing reached the gateway's public stream.
      const publicStream = await platform.jsm.streams.info(platform.namespace.eventStream('gateway'));
      expect(publicStream.state.messages).toBe(0);
      // Neither the number nor the code is in any log line.
      for (const logs of [platform.service('gateway').logs, strict.logs]) {
        expect(logs).not.toContain(mobile);
        expect(logs).not.toContain(`"${code}"`);
      }
    });

    it('five wrong tries kill the code, even for the right digits after them', async () => {
      const mobile = newMobile();
      expect((await post(platform.gateway, '/auth/citizen/sign-in-codes', { mobile })).status).toBe(202);
      const code = await sentCode(mobile);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let left = 4; left >= 0; left--) {
        const problem = expectProblem(await post(platform.gateway, '/auth/citizen/sign-in', { mobile, code: wrong }), 401);
        expect(problem.detail).toContain(`${left} ${left === 1 ? 'try' : 'tries'} left`);
      }
      const locked = expectProblem(await post(platform.gateway, '/auth/citizen/sign-in', { mobile, code }), 401);
      expect(locked.errors?.[0]).toMatchObject({ field: 'code', rule: 'locked' });
    });

    it('a second code within 60 s is refused with 429 and Retry-After', async () => {
      const mobile = newMobile();
      expect((await post(platform.gateway, '/auth/citizen/sign-in-codes', { mobile })).status).toBe(202);
      const again = await post(platform.gateway, '/auth/citizen/sign-in-codes', { mobile });
      const problem = expectProblem(again, 429);
      expect(problem.type).toContain('sign-in-code-rate-limited');
      const retryAfter = Number(again.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });

    it('a number gets its daily allowance of codes and no more (3 on the strict replica)', async () => {
      const mobile = newMobile();
      for (let i = 0; i < 3; i++) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1100));
        expect((await post(strict.url, '/auth/citizen/sign-in-codes', { mobile }, STRICT_CLIENT)).status).toBe(202);
      }
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const refused = await post(strict.url, '/auth/citizen/sign-in-codes', { mobile }, STRICT_CLIENT);
      expect(expectProblem(refused, 429).detail).toContain("today's allowance");
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(24 * 3600 - 60);
    });

    it('a code expires (2 s on the strict replica, 5 minutes by default)', async () => {
      const mobile = newMobile();
      expect((await post(strict.url, '/auth/citizen/sign-in-codes', { mobile }, STRICT_CLIENT)).status).toBe(202);
      const code = await sentCode(mobile);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const expired = expectProblem(await post(strict.url, '/auth/citizen/sign-in', { mobile, code }, STRICT_CLIENT), 401);
      expect(expired.errors?.[0]).toMatchObject({ field: 'code', rule: 'expired' });
    });

    it('a malformed number is a 400 naming the field', async () => {
      const problem = expectProblem(await post(platform.gateway, '/auth/citizen/sign-in-codes', { mobile: '12345' }), 400);
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'mobile', rule: 'mobile' }));
    });
  });

  it('sign-in attempts beyond the per-address limit get 429 problem+json with Retry-After, counted across replicas (8 a minute on the strict replica)', async () => {
    const client = { 'x-forwarded-for': '198.51.100.23' };
    const statuses: number[] = [];
    // Four attempts on the lenient replica count on the strict one too: the counters are in the shared database.
    for (let i = 0; i < 4; i++) statuses.push((await staffSignIn('water-admin', 'guessing-the-password', platform.gateway, client)).status);
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await staffSignIn('water-admin', 'guessing-the-password', strict.url, client);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    const problem = expectProblem(limited!, 429);
    expect(problem.type).toContain('rate-limited');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another address, and the replica with the higher limit, are unaffected.
    expect((await staffSignIn('water-admin', DEMO_PASSWORD, strict.url, { 'x-forwarded-for': '198.51.100.24' })).status).toBe(200);
    expect((await staffSignIn('water-admin', DEMO_PASSWORD, platform.gateway, client)).status).toBe(200);
  });
});
