import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { ROLES, type Role } from '@openday/contracts';
import { NotificationHarness } from '@openday/testing';
import { badString, badValue, fromSchema, personalValues, spoil, type Parameter, type Schema } from './bad-input-generators';

/** A demo login per staff role (the seed's demo city); a citizen signs in with the code texted to them. */
const STAFF: Partial<Record<Role, string>> = {
  'city-office': 'city-office',
  'agency-admin': 'water-admin',
  'agency-staff': 'water-staff',
  reviewer: 'water-reviewer',
  'department-handler': 'tax-handler',
};
const CITIZEN_MOBILE = '13912345678';

/** `BAD_INPUT_SEED=<n>` replays a run; `BAD_INPUT_REQUESTS` changes how many are sent (at least 10,000 by default). */
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261203);
const TOTAL = Number(process.env.BAD_INPUT_REQUESTS ?? 10_500);
const CONCURRENCY = 16;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-access'?: string[];
}

interface Document {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

interface BadRequest {
  method: Method;
  route: string;
  what: 'body' | 'query' | 'path';
  url: string;
  role?: Role;
  contentType?: string;
  body?: string;
}

/** Bodies no operation accepts: not JSON, the wrong JSON type, fields of the wrong type, an unknown field alone. */
const HAND_PICKED_BODIES: Array<{ label: string; raw: string }> = [
  { label: 'not JSON', raw: '{"title": "unterminated' },
  { label: 'a JSON array', raw: '[1, 2, 3]' },
  { label: 'a JSON string', raw: '"hello"' },
  { label: 'every field a number', raw: JSON.stringify({ title: 1, text: 2, code: 3, idLast4: 4, departmentId: 5, outcome: 6, answer: 7, rating: 'five', reason: 8, answers: 9, questions: 10, mobile: 11, sessions: 12, channel: 13 }) },
  { label: 'an unknown field alone', raw: JSON.stringify({ surprise: '<script>alert(1)</script>' }) },
];

/** Path and query values that are malformed before any rule sees them: broken percent-encoding, NUL, traversal. */
const RAW_PATH_VALUES = ['%00', '%', '%ZZ', '%C0%80', '%ED%A0%80', '%FF%FE', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE', '%F0%9F%98%80', '.', '..', '%20', '%2F'];

/**
 * Bad input generated from the OpenAPI document the gateway serves: for every
 * operation, bad bodies (well-shaped ones spoiled in one field, random JSON,
 * not JSON, other content types), bad query strings and bad path parameters,
 * each sent by a caller the operation admits, against the whole platform.
 * No answer may be a 5xx, and no service may log a personal value that was sent.
 */
describe('generated bad input on every operation of the OpenAPI document', () => {
  const harness = new NotificationHarness();
  const { platform } = harness;
  const tokens = new Map<Role, string>();
  const personal = personalValues(SEED);
  const ids = { openDays: [] as string[], sessions: [] as string[], plans: [] as string[] };
  let document: Document;

  beforeAll(async () => {
    await harness.start(
      { LOG_LEVEL: 'info' },
      {
        gateway: { LOG_LEVEL: 'info', RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RPC_TIMEOUT_MS: '30000' },
        registration: { LOG_LEVEL: 'info' },
        scheduling: { LOG_LEVEL: 'info' },
        vetting: { LOG_LEVEL: 'info' },
        feedback: { LOG_LEVEL: 'info' },
      },
    );
    for (const [role, username] of Object.entries(STAFF) as Array<[Role, string]>) tokens.set(role, await harness.staffSignIn(username));
    tokens.set('citizen', await citizenToken(CITIZEN_MOBILE));
    document = await openApiDocument();
    await collectIds();
  }, 180_000);
  afterAll(() => harness.stop(), 60_000);

  function citizenToken(mobile: string): Promise<string> {
    return harness.citizenSignIn(mobile);
  }

  /** The document as the gateway serves it; the committed copy where the route is not served to this caller. */
  async function openApiDocument(): Promise<Document> {
    const res = await harness.call('GET', '/api/docs-json');
    if (res.ok) return (await res.json()) as Document;
    return JSON.parse(readFileSync(path.resolve(__dirname, '../../services/gateway/openapi.json'), 'utf8')) as Document;
  }

  /** Real ids of the demo city, so a spoiled body on a real open day or plan gets past the 404 to the rules. */
  async function collectIds(): Promise<void> {
    const openDays = (await (await harness.call('GET', '/api/v1/public/open-days?limit=20')).json()) as { items: Array<{ id: string }> };
    ids.openDays = openDays.items.map((item) => item.id);
    for (const id of ids.openDays.slice(0, 3)) {
      const detail = (await (await harness.call('GET', `/api/v1/public/open-days/${id}`)).json()) as { sessions?: Array<{ sessionId?: string; id?: string }> };
      ids.sessions.push(...(detail.sessions ?? []).map((s) => s.sessionId ?? s.id ?? '').filter(Boolean));
    }
    const plans = (await (await harness.call('GET', '/api/v1/plans?limit=20', undefined, tokens.get('agency-staff'))).json()) as { items?: Array<{ id: string }> };
    ids.plans = (plans.items ?? []).map((item) => item.id);
  }

  function operations(): Array<{ method: Method; route: string; operation: Operation; roles: Array<Role | 'public'> }> {
    const list = [];
    for (const [route, item] of Object.entries(document.paths)) {
      if (!route.startsWith('/api/')) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const access = operation['x-access'] ?? [];
        const roles = [...ROLES.filter((role) => access.includes(role) && tokens.has(role)), ...(access.includes('public') ? (['public'] as const) : [])];
        if (roles.length) list.push({ method, route, operation, roles });
      }
    }
    return list;
  }

  /** A path parameter's value that is valid, real where the demo city has one. */
  function goodPathValue(route: string, parameter: Parameter, pick: number): string {
    const from = (pool: string[]) => (pool.length ? pool[pick % pool.length] : randomUUID());
    if (/agencyid/i.test(parameter.name)) return 'water-affairs-bureau';
    if (parameter.name === 'code') return 'gulou';
    if (parameter.name === 'sessionId') return from(ids.sessions);
    if (parameter.name === 'id' && route.startsWith('/api/v1/plans/')) return from(ids.plans);
    if (parameter.name === 'id') return from(ids.openDays);
    return randomUUID();
  }

  function resolver(ref: string): Schema {
    const name = ref.replace('#/components/schemas/', '');
    return document.components?.schemas?.[name] ?? {};
  }

  /** The requests for one operation: bodies, query strings and path values in turn, `count` in all. */
  function requestsFor(
    { method, route, operation, roles }: ReturnType<typeof operations>[number],
    count: number,
    seed: number,
  ): BadRequest[] {
    const parameters = operation.parameters ?? [];
    const pathParameters = parameters.filter((p) => p.in === 'path');
    const queryParameters = parameters.filter((p) => p.in === 'query');
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const kinds: Array<BadRequest['what']> = [];
    if (operation.requestBody) kinds.push('body', 'body');
    kinds.push('query');
    if (pathParameters.length) kinds.push('path');

    const bad = badValue(personal);
    const text = badString(personal);
    const body = fc.oneof(
      { weight: 6, arbitrary: fromSchema(bodySchema, resolver).chain((value) => spoil(value, bad)).map((value) => ({ raw: JSON.stringify(value) ?? 'null', type: 'application/json' })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ raw: JSON.stringify(value), type: 'application/json' })) },
      { weight: 1, arbitrary: fc.constantFrom(...HAND_PICKED_BODIES.map((b) => b.raw), '', '{', 'null', '{"a":1,"a":2}', '[' .repeat(5000), `{"x":"${'\\u0000'.repeat(100)}"}`).map((raw) => ({ raw, type: 'application/json' })) },
      { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x')).map(([raw, type]) => ({ raw: type.includes('urlencoded') ? `name=${encodeURIComponent(safeUri(raw))}&a[b][c]=1&__proto__[x]=1` : raw, type })) },
    );
    const queryValue = fc.oneof(text.map((value) => encodeQuery(value)), fc.constantFrom(...RAW_PATH_VALUES));
    const query = fc.oneof(
      { weight: 4, arbitrary: queryParameters.length ? fc.tuple(fc.constantFrom(...queryParameters), queryValue).map(([p, v]) => `${p.name}=${v}`) : queryValue.map((v) => `q=${v}`) },
      { weight: 1, arbitrary: queryParameters.length ? fc.tuple(fc.constantFrom(...queryParameters), queryValue, queryValue).map(([p, a, b]) => `${p.name}=${a}&${p.name}=${b}`) : fc.constant('limit=1&limit=2') },
      { weight: 1, arbitrary: fc.constantFrom('__proto__[admin]=1', 'constructor[prototype][admin]=1', 'limit[$gt]=1', 'cursor[]=a', `unknown=${encodeQuery(personal.names[0])}`, 'limit=-1', 'limit=1e9', 'limit=0x10', 'cursor=' + 'A'.repeat(5000)) },
    );
    const pathValue = fc.oneof(text.map((value) => encodeURIComponent(safeUri(value))), fc.constantFrom(...RAW_PATH_VALUES));

    const arbitrary = fc.tuple(fc.nat({ max: kinds.length - 1 }), fc.nat({ max: roles.length - 1 }), fc.nat(), body, query, fc.nat({ max: Math.max(pathParameters.length - 1, 0) }), pathValue);
    return fc.sample(arbitrary, { numRuns: count, seed }).map(([kind, roleIndex, pick, generatedBody, generatedQuery, spoiledParameter, spoiledValue]) => {
      const what = kinds[kind];
      const role = roles[roleIndex];
      let url = route;
      pathParameters.forEach((parameter, i) => {
        const value = what === 'path' && i === spoiledParameter ? spoiledValue : encodeURIComponent(goodPathValue(route, parameter, pick));
        url = url.replace(`{${parameter.name}}`, value);
      });
      if (what === 'query') url += `?${generatedQuery}`;
      const request: BadRequest = { method, route, what, url, role: role === 'public' ? undefined : role };
      if (what === 'body') Object.assign(request, { body: generatedBody.raw, contentType: generatedBody.type });
      else if (operation.requestBody) Object.assign(request, { body: '{}', contentType: 'application/json' });
      return request;
    });
  }

  async function send(request: BadRequest): Promise<number> {
    const headers: Record<string, string> = {};
    if (request.role) headers.authorization = `Bearer ${tokens.get(request.role)}`;
    if (request.contentType) headers['content-type'] = request.contentType;
    const res = await fetch(`${platform.gateway}${request.url}`, {
      method: request.method.toUpperCase(),
      headers,
      body: request.body,
      redirect: 'manual',
    });
    await res.arrayBuffer();
    return res.status;
  }

  async function outboxRows(): Promise<number> {
    let total = 0;
    for (const database of platform.databases) {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      total += ((await client.query('SELECT count(*)::int AS n FROM outbox')).rows[0] as { n: number }).n;
      await client.end();
    }
    return total;
  }

  it('answers 4xx problem+json to each hand-picked bad body on every operation that takes one, and stores nothing', async () => {
    const before = await outboxRows();
    const wrong: string[] = [];
    let calls = 0;
    for (const { method, route, operation, roles } of operations()) {
      if (!operation.requestBody) continue;
      const role = roles.find((r): r is Role => r !== 'public');
      let url = route;
      for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'path')) url = url.replace(`{${parameter.name}}`, encodeURIComponent(goodPathValue(route, parameter, 0)));
      for (const body of HAND_PICKED_BODIES) {
        calls += 1;
        const res = await fetch(`${platform.gateway}${url}`, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json', ...(role ? { authorization: `Bearer ${tokens.get(role)}` } : {}) },
          body: body.raw,
        });
        const type = res.headers.get('content-type') ?? '';
        await res.arrayBuffer();
        if (res.status < 400 || res.status >= 500 || !type.includes('application/problem+json')) {
          wrong.push(`${method.toUpperCase()} ${route} with ${body.label} as ${role ?? 'anyone'}: ${res.status} ${type}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
    expect(await outboxRows()).toBe(before);
  }, 120_000);

  it(`answers no generated bad request with a 5xx, and logs no personal value sent (seed ${SEED})`, async () => {
    const list = operations();
    const perOperation = Math.ceil(TOTAL / list.length);
    const requests = list.flatMap((operation, i) => requestsFor(operation, perOperation, SEED + i));
    const counts = { sent: 0, '2xx/3xx': 0, '4xx': 0, '5xx': 0, 'no answer': 0 };
    const failures: string[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          counts.sent += 1;
          const status = await send(request).catch((err: Error) => {
            failures.push(`${request.method.toUpperCase()} ${request.url.slice(0, 200)} (${request.what}, ${request.role ?? 'public'}): no answer (${err.message})`);
            return 0;
          });
          if (status === 0) counts['no answer'] += 1;
          else if (status < 400) counts['2xx/3xx'] += 1;
          else if (status < 500) counts['4xx'] += 1;
          else {
            counts['5xx'] += 1;
            failures.push(`${request.method.toUpperCase()} ${request.url.slice(0, 200)} (${request.what}, ${request.role ?? 'public'}): ${status}; body ${JSON.stringify(request.body?.slice(0, 300))}`);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `generated bad input (seed ${SEED}): ${list.length} operations, ${counts.sent} requests in ${seconds.toFixed(1)} s — ` +
        `${counts['4xx']} 4xx, ${counts['2xx/3xx']} 2xx/3xx, ${counts['5xx']} 5xx, ${counts['no answer']} without an answer\n`,
    );

    const sentValues = [...personal.names, ...personal.idNumbers, ...personal.mobiles, ...personal.emails];
    const leaks: string[] = [];
    for (const [service, serviceProcess] of platform.processes) {
      const lines = serviceProcess.logs.split('\n');
      for (const value of sentValues) {
        const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
        const line = lines.find((l) => forms.some((form) => l.includes(form)));
        if (line) leaks.push(`${service} logged ${value}: ${line.slice(0, 400)}`);
      }
    }

    expect(counts.sent).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));
    expect({ seed: SEED, failures: failures.slice(0, 30), leaks }).toEqual({ seed: SEED, failures: [], leaks: [] });
  }, 300_000);
});

/** encodeURIComponent refuses a lone surrogate: such a value goes as U+FFFD, what a browser would send. */
function safeUri(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function encodeQuery(value: string): string {
  return encodeURIComponent(safeUri(value));
}
