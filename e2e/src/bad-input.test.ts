import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ROLES, type Role } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { NotificationHarness } from './notification-harness';

/** A demo login per staff role (the seed's demo city); a citizen signs in with the code texted to them. */
const STAFF: Partial<Record<Role, string>> = {
  'city-office': 'city-office',
  'agency-admin': 'water-admin',
  'agency-staff': 'water-staff',
  reviewer: 'water-reviewer',
  'department-handler': 'tax-handler',
};

/** Bodies no operation accepts: not JSON, the wrong JSON type, fields of the wrong type, an unknown field alone. */
const BAD_BODIES: Array<{ label: string; raw: string }> = [
  { label: 'not JSON', raw: '{"title": "unterminated' },
  { label: 'a JSON array', raw: '[1, 2, 3]' },
  { label: 'a JSON string', raw: '"hello"' },
  { label: 'every field a number', raw: JSON.stringify({ title: 1, text: 2, code: 3, idLast4: 4, departmentId: 5, outcome: 6, answer: 7, rating: 'five', reason: 8, answers: 9, questions: 10, mobile: 11, sessions: 12, channel: 13 }) },
  { label: 'an unknown field alone', raw: JSON.stringify({ surprise: '<script>alert(1)</script>' }) },
];

const METHODS = ['post', 'put', 'patch'] as const;

interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: { format?: string; enum?: unknown[] } }>;
  requestBody?: unknown;
  'x-access'?: string[];
}

/**
 * Bad input on every operation of the OpenAPI document that takes a body: each of the bodies
 * above, sent by a caller the operation admits, is answered 4xx application/problem+json —
 * never a success, never a 500 — and nothing is stored: no service writes a single event to
 * its outbox (every state change in this platform writes one in the same transaction).
 */
describe('bad input on every operation that takes a body', () => {
  const harness = new NotificationHarness();
  const { platform } = harness;
  const tokens = new Map<Role, string>();
  let document: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

  beforeAll(async () => {
    await harness.start({}, { gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '10000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
    for (const [role, username] of Object.entries(STAFF) as Array<[Role, string]>) tokens.set(role, await harness.staffSignIn(username));
    tokens.set('citizen', await citizenToken('13912345678'));
    document = (await (await fetch(`${platform.gateway}/api/docs-json`)).json()) as typeof document;
  }, 120_000);
  afterAll(() => harness.stop(), 60_000);

  async function citizenToken(mobile: string): Promise<string> {
    expect((await harness.call('POST', '/api/v1/auth/citizen/sign-in-codes', { mobile })).status).toBe(202);
    const code = await waitFor(() => /\b(\d{6})\b/.exec(harness.sms.messages(mobile)[0]?.text ?? '')?.[1], { what: 'the texted code' });
    const res = await harness.call('POST', '/api/v1/auth/citizen/sign-in', { mobile, code });
    return ((await res.json()) as { accessToken: string }).accessToken;
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

  function urlFor(route: string, operation: Operation): string {
    let url = route;
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in !== 'path') continue;
      const value = /agencyid/i.test(parameter.name) ? 'water-affairs-bureau' : parameter.schema?.format === 'uuid' ? randomUUID() : 'x';
      url = url.replace(`{${parameter.name}}`, value);
    }
    return url;
  }

  it('answers 4xx problem+json to each bad body, and stores nothing', async () => {
    const before = await outboxRows();
    const wrong: string[] = [];
    let calls = 0;
    for (const [route, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation?.requestBody) continue;
        const access = operation['x-access'] ?? [];
        const role = ROLES.find((r) => access.includes(r));
        const token = role ? tokens.get(role) : undefined;
        if (!access.includes('public') && !token) continue;
        for (const body of BAD_BODIES) {
          calls += 1;
          const res = await fetch(`${platform.gateway}${urlFor(route, operation)}`, {
            method: method.toUpperCase(),
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: body.raw,
          });
          const type = res.headers.get('content-type') ?? '';
          await res.arrayBuffer();
          if (res.status < 400 || res.status >= 500 || !type.includes('application/problem+json')) {
            wrong.push(`${method.toUpperCase()} ${route} with ${body.label} as ${role ?? 'anyone'}: ${res.status} ${type}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
    expect(await outboxRows()).toBe(before);
  }, 120_000);
});
