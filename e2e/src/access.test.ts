import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@openday/contracts';
import { PlatformHarness } from '@openday/testing';

/** Who calls as each role: a demo login (water-affairs-bureau unless the role lives elsewhere), or a citizen by code. */
const CALLERS: Record<Role, { username?: string; agencyId?: string; otherAgencyId?: string }> = {
  'city-office': { username: 'city-office', agencyId: 'city-office' },
  'agency-admin': { username: 'water-admin', agencyId: 'water-affairs-bureau', otherAgencyId: 'gulou-district' },
  'agency-staff': { username: 'water-staff', agencyId: 'water-affairs-bureau', otherAgencyId: 'gulou-district' },
  reviewer: { username: 'water-reviewer', agencyId: 'water-affairs-bureau', otherAgencyId: 'gulou-district' },
  'department-handler': { username: 'tax-handler', agencyId: 'tax-bureau', otherAgencyId: 'water-affairs-bureau' },
  citizen: {},
};

/** The platform's probes and metrics scrape: not API operations, outside /api, open by design. */
const OPERATIONAL = ['GET /health/live', 'GET /health/ready', 'GET /metrics'];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; format?: string; example?: unknown; enum?: unknown[] };
  example?: unknown;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  'x-access'?: unknown;
}

interface OpenApi {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}

interface Call {
  method: string;
  path: string;
  operation: Operation;
  access: string[] | undefined;
}

/**
 * Access over the OpenAPI document: every operation is called with every role
 * and with no token, and the answer must match the operation's declared
 * `x-access` rule; an operation without a rule fails the test. Then agency
 * isolation on the agency-scoped reads, account administration, idempotency
 * keys and the audit log.
 */
describe('access', () => {
  const platform = new PlatformHarness();
  const tokens = new Map<Role, string>();
  let document: OpenApi;

  beforeAll(async () => {
    await platform.start({ gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '10000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
    await platform.seedDemoCity();
    for (const role of ROLES) tokens.set(role, await tokenFor(role));
    document = await platform.client.json<OpenApi>('GET', '/api/docs-json');
  }, 120_000);
  afterAll(() => platform.stop(), 60_000);

  async function tokenFor(role: Role): Promise<string> {
    const caller = CALLERS[role];
    if (caller.username) return platform.client.staffSignIn(caller.username);
    return platform.client.citizenSignIn('13912345678', await platform.signInCodes());
  }

  function send(method: string, route: string, role?: Role, body?: unknown, headers: Record<string, string> = {}) {
    return platform.client.call(method, route, body, role ? tokens.get(role) : undefined, headers);
  }

  function operations(): Call[] {
    return Object.entries(document.paths).flatMap(([route, item]) =>
      METHODS.filter((method) => item[method]).map((method) => {
        const operation = item[method]!;
        const access = operation['x-access'];
        return { method: method.toUpperCase(), path: route, operation, access: Array.isArray(access) ? (access as string[]) : undefined };
      }),
    );
  }

  /** A concrete URL for an operation: path parameters filled in (agency ids with the caller's own agency), required query parameters too. */
  function urlFor(call: Call, role?: Role, agencyId?: string): string {
    let url = call.path;
    const query: string[] = [];
    for (const parameter of call.operation.parameters ?? []) {
      const value = valueFor(parameter, role, agencyId);
      if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
      if (parameter.in === 'query' && parameter.required) query.push(`${parameter.name}=${encodeURIComponent(value)}`);
    }
    return query.length ? `${url}?${query.join('&')}` : url;
  }

  function valueFor(parameter: Parameter, role?: Role, agencyId?: string): string {
    if (/agencyid/i.test(parameter.name)) return agencyId ?? (role ? CALLERS[role].agencyId : undefined) ?? 'water-affairs-bureau';
    const schema = parameter.schema ?? {};
    if (schema.format === 'uuid') return randomUUID();
    if (schema.format === 'date') return '2026-11-29';
    if (schema.enum?.length) return String(schema.enum[0]);
    if (schema.type === 'integer' || schema.type === 'number') return '1';
    const example = parameter.example ?? schema.example;
    return example === undefined ? 'x' : String(example);
  }

  it('every operation declares its access rule, naming known roles', () => {
    const calls = operations();
    expect(calls.length).toBeGreaterThan(10);
    const undeclared = calls.filter((c) => !c.access && !OPERATIONAL.includes(`${c.method} ${c.path}`)).map((c) => `${c.method} ${c.path}`);
    expect(undeclared).toEqual([]);
    const known = new Set<string>(['public', ...ROLES]);
    const badRules = calls
      .filter((c) => c.access && (c.access.length === 0 || c.access.some((r) => !known.has(r)) || (c.access.includes('public') && c.access.length > 1)))
      .map((c) => `${c.method} ${c.path} ${JSON.stringify(c.access)}`);
    expect(badRules).toEqual([]);
    for (const call of calls.filter((c) => !c.access)) expect(call.path.startsWith('/api/')).toBe(false);
  });

  it('every operation answers every role and no token as its rule says', async () => {
    const mismatches: string[] = [];
    for (const call of operations()) {
      if (!call.access) continue;
      const callers: Array<Role | undefined> = [undefined, ...ROLES];
      for (const role of callers) {
        const allowed = call.access.includes('public') || (role !== undefined && call.access.includes(role));
        const body = call.operation.requestBody ? {} : undefined;
        const res = await send(call.method, urlFor(call, role), role, body);
        await res.arrayBuffer();
        const who = role ?? 'no token';
        const problemJson = (res.headers.get('content-type') ?? '').includes('application/problem+json');
        if (allowed && (res.status === 401 || res.status === 403)) {
          mismatches.push(`${call.method} ${call.path} as ${who}: allowed by ${JSON.stringify(call.access)} but answered ${res.status}`);
        }
        if (!allowed) {
          const expected = role === undefined ? 401 : 403;
          if (res.status !== expected || !problemJson) {
            mismatches.push(`${call.method} ${call.path} as ${who}: expected ${expected} problem+json, got ${res.status} ${res.headers.get('content-type')}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('an invalid or forged token is 401 on a protected operation, whatever its claims', async () => {
    const [header, payload] = tokens.get('agency-staff')!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'city-office' })).toString('base64url')}.AAAA`;
    for (const token of [forged, 'not-a-jwt', '']) {
      const res = await platform.client.call('GET', '/api/v1/audit-log', undefined, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  describe('agency isolation', () => {
    /** Reads under /agencies/{agencyId}/… that agency-bound roles may call. */
    function agencyScopedReads(): Call[] {
      return operations().filter(
        (c) => c.method === 'GET' && c.path.includes('{agencyId}') && c.access && !c.access.includes('public'),
      );
    }

    it('staff reading another agency’s data get 404, their own agency’s is there', async () => {
      const reads = agencyScopedReads();
      expect(reads.length).toBeGreaterThanOrEqual(2);
      const failures: string[] = [];
      for (const call of reads) {
        for (const role of call.access!.filter((r): r is Role => r !== 'city-office' && r !== 'citizen' && r !== 'public')) {
          const other = await send('GET', urlFor(call, role, CALLERS[role].otherAgencyId), role);
          const otherBody = await other.text();
          if (other.status !== 404) failures.push(`${call.path} as ${role} for another agency: ${other.status}`);
          if (otherBody.includes('"items"')) failures.push(`${call.path} as ${role} leaked a list`);
          // Collection reads of one's own agency answer 200.
          if (!call.path.endsWith('}')) {
            const own = await send('GET', urlFor(call, role), role);
            await own.arrayBuffer();
            if (own.status !== 200) failures.push(`${call.path} as ${role} for their own agency: ${own.status}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('an account of another agency is not found, whichever way it is asked for; the city office sees both', async () => {
      const list = await send('GET', '/api/v1/agencies/gulou-district/accounts', 'city-office');
      const gulouStaff = ((await list.json()) as { items: Array<{ id: string; username: string }> }).items.find((a) => a.username === 'gulou-staff')!;
      expect(gulouStaff).toBeDefined();
      const asWaterAdmin = [
        ['GET', `/api/v1/agencies/gulou-district/accounts/${gulouStaff.id}`, undefined],
        ['GET', `/api/v1/agencies/water-affairs-bureau/accounts/${gulouStaff.id}`, undefined],
        ['PATCH', `/api/v1/agencies/gulou-district/accounts/${gulouStaff.id}`, { disabled: true }],
        ['PATCH', `/api/v1/agencies/water-affairs-bureau/accounts/${gulouStaff.id}`, { disabled: true }],
        ['POST', '/api/v1/agencies/gulou-district/accounts', { username: 'sneaky', displayName: 'x', role: 'agency-staff', password: 'long-enough-1' }],
      ] as const;
      for (const [method, route, body] of asWaterAdmin) {
        const res = await send(method, route, 'agency-admin', body);
        expect({ method, route, status: res.status }).toEqual({ method, route, status: 404 });
      }
      const stillEnabled = await send('GET', `/api/v1/agencies/gulou-district/accounts/${gulouStaff.id}`, 'city-office');
      expect(((await stillEnabled.json()) as { disabled: boolean }).disabled).toBe(false);
    });
  });

  describe('account administration', () => {
    it('an agency admin manages their own agency’s staff, within the roles they may give', async () => {
      const created = await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', {
        username: 'water-clerk',
        displayName: '水务局 新同事',
        role: 'agency-staff',
        password: 'first-password-1',
      });
      expect(created.status).toBe(201);
      const account = (await created.json()) as { id: string; role: string };
      expect(created.headers.get('location')).toBe(`/api/v1/agencies/water-affairs-bureau/accounts/${account.id}`);

      const promoted = await send('PATCH', `/api/v1/agencies/water-affairs-bureau/accounts/${account.id}`, 'agency-admin', { role: 'reviewer' });
      expect(promoted.status).toBe(200);
      expect(((await promoted.json()) as { role: string }).role).toBe('reviewer');

      const tooHigh = await send('PATCH', `/api/v1/agencies/water-affairs-bureau/accounts/${account.id}`, 'agency-admin', { role: 'city-office' });
      expect(tooHigh.status).toBe(403);
      const me = ((await (await send('GET', '/api/v1/auth/me', 'agency-admin')).json()) as { userId: string }).userId;
      const selfDemotion = await send('PATCH', `/api/v1/agencies/water-affairs-bureau/accounts/${me}`, 'agency-admin', { role: 'agency-staff' });
      expect(selfDemotion.status).toBe(409);
      const duplicate = await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', {
        username: 'water-clerk',
        displayName: 'x',
        role: 'agency-staff',
        password: 'first-password-1',
      });
      expect(duplicate.status).toBe(409);
    });

    it('the city office manages agencies', async () => {
      const created = await send('POST', '/api/v1/agencies', 'city-office', { id: 'cangshan-district', name: '仓山区政府', kind: 'district-town-government', district: 'cangshan' });
      expect(created.status).toBe(201);
      const renamed = await send('PATCH', '/api/v1/agencies/cangshan-district', 'city-office', { name: '仓山区人民政府' });
      expect(((await renamed.json()) as { name: string }).name).toBe('仓山区人民政府');
      const listed = (await (await send('GET', '/api/v1/agencies?kind=district-town-government')).json()) as { items: Array<{ id: string }> };
      expect(listed.items.map((a) => a.id)).toEqual(['cangshan-district', 'gulou-district']);
      expect((await send('PATCH', '/api/v1/agencies/city-office', 'city-office', { active: false })).status).toBe(409);
    });
  });

  describe('idempotency keys', () => {
    const body = { username: 'water-intern', displayName: '实习生', role: 'agency-staff', password: 'intern-password-1' };

    it('a retried create with the same key returns the first result without creating again; another body under the key is 422', async () => {
      const key = randomUUID();
      const first = await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const firstBody = await first.json();
      const retry = await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', body, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(firstBody);
      expect(retry.headers.get('location')).toBe(first.headers.get('location'));
      expect(retry.headers.get('idempotent-replayed')).toBe('true');

      const other = await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', { ...body, username: 'water-intern-2' }, { 'idempotency-key': key });
      expect(other.status).toBe(422);
      expect(other.headers.get('content-type')).toContain('application/problem+json');

      // Without the key, the same request is a new one: the username is taken.
      expect((await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', body)).status).toBe(409);
    });

    it('concurrent duplicates run once and all get the one result', async () => {
      const key = randomUUID();
      const concurrent = { ...body, username: 'water-temp-concurrent' };
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', concurrent, { 'idempotency-key': key }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
      const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)));
      expect(ids.size).toBe(1);
      const log = await send('GET', `/api/v1/audit-log?action=account.created&targetId=${[...ids][0]}`, 'city-office');
      expect(((await log.json()) as { items: unknown[] }).items).toHaveLength(1);
    });

    it('a malformed key is a 400 naming the header', async () => {
      const res = await send('POST', '/api/v1/agencies/water-affairs-bureau/accounts', 'agency-admin', body, { 'idempotency-key': 'has spaces' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Array<{ field: string }> }).errors[0].field).toBe('Idempotency-Key');
    });
  });

  describe('audit log', () => {
    it('records privileged actions with who, what, when, target and correlation id, newest first, in cursor pages', async () => {
      const created = await send(
        'POST',
        '/api/v1/agencies/water-affairs-bureau/accounts',
        'agency-admin',
        { username: 'water-audited', displayName: '审计', role: 'agency-staff', password: 'audited-pass-1' },
        { 'x-correlation-id': 'e2e-audit-1' },
      );
      const account = (await created.json()) as { id: string };
      await send('PATCH', `/api/v1/agencies/water-affairs-bureau/accounts/${account.id}`, 'agency-admin', { role: 'department-handler' }, {
        'x-correlation-id': 'e2e-audit-2',
      });
      const me = (await (await send('GET', '/api/v1/auth/me', 'agency-admin')).json()) as { userId: string };

      const entries: Array<{ id: string; action: string; occurredAt: string; correlationId: string; targetId: string; actor: unknown; details: unknown }> = [];
      let cursor: string | null = null;
      do {
        const page = (await (await send('GET', `/api/v1/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`, 'city-office')).json()) as {
          items: typeof entries;
          nextCursor: string | null;
        };
        expect(page.items.length).toBeLessThanOrEqual(3);
        entries.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const ids = entries.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(ids.length);

      const mine = entries.filter((e) => e.targetId === account.id);
      expect(mine).toEqual([
        expect.objectContaining({
          action: 'account.role-changed',
          correlationId: 'e2e-audit-2',
          actor: { userId: me.userId, role: 'agency-admin', agencyId: 'water-affairs-bureau' },
          details: { username: 'water-audited', from: 'agency-staff', to: 'department-handler' },
        }),
        expect.objectContaining({ action: 'account.created', correlationId: 'e2e-audit-1' }),
      ]);
      expect(Date.parse(mine[0].occurredAt)).toBeGreaterThan(Date.now() - 60_000);
      // The seed's own creations are there too, by the system.
      expect(entries.some((e) => e.action === 'agency.created' && e.actor === null)).toBe(true);
    });
  });
});
