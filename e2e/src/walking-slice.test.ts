import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { OpenDayPublishedV1 } from '@openday/contracts';
import { DeadLetterStore } from '@openday/messaging';
import { waitFor } from '@openday/testing';
import { PlatformHarness, SERVICES } from './platform-harness';

interface OpenDayView {
  id: string;
  title: string;
  agencyId: string;
  date: string;
}

describe('walking slice: gateway → scheduling → outbox → JetStream → registration → gateway', () => {
  const platform = new PlatformHarness();
  /** Creating open days needs a signed-in caller: the demo city office (seeded), whose token goes in the request headers. */
  let authorization = '';
  beforeAll(async () => {
    await platform.start({ gateway: { RPC_TIMEOUT_MS: '2000' } });
    const seed = path.resolve(__dirname, '../../services/gateway/dist/seed/seed.js');
    await promisify(execFile)(process.execPath, [seed], { env: { ...process.env, ...platform.service('gateway').options.env } });
    const signIn = await fetch(`${platform.gateway}/api/v1/auth/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city-office', password: 'OpenDay-demo-2026' }),
    });
    authorization = `Bearer ${((await signIn.json()) as { accessToken: string }).accessToken}`;
  }, 120_000);
  afterAll(() => platform.stop(), 60_000);

  async function createOpenDay(body: object, headers: Record<string, string> = {}) {
    return fetch(`${platform.gateway}/api/v1/open-days`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify(body),
    });
  }

  async function readOpenDay(id: string): Promise<OpenDayView | undefined> {
    const res = await fetch(`${platform.gateway}/api/v1/open-days/${id}`);
    return res.status === 200 ? ((await res.json()) as OpenDayView) : undefined;
  }

  it('every deployable reports live, ready and metrics', async () => {
    for (const name of SERVICES) {
      const { url } = platform.service(name);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('openday_outbox_backlog');
      expect(metrics).toContain('process_resident_memory_bytes');
    }
  });

  it('publishes an open day through the gateway and shows registration’s copy', async () => {
    const res = await createOpenDay(
      { title: '走进自来水厂：从源头到龙头', agencyId: 'water-affairs-bureau', date: '2026-11-29' },
      { 'x-correlation-id': 'e2e-slice-1' },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('e2e-slice-1');
    const created = (await res.json()) as OpenDayView;
    expect(res.headers.get('location')).toBe(`/api/v1/open-days/${created.id}`);

    const copy = await waitFor(() => readOpenDay(created.id), { what: 'registration copy' });
    expect(copy).toMatchObject({ id: created.id, title: '走进自来水厂：从源头到龙头', date: '2026-11-29' });

    const list = (await (await fetch(`${platform.gateway}/api/v1/open-days?limit=50`)).json()) as { items: OpenDayView[] };
    expect(list.items.map((d) => d.id)).toContain(created.id);

    const stored = await platform.jsm.streams.getMessage(platform.namespace.eventStream('scheduling'), {
      last_by_subj: OpenDayPublishedV1.contract.subjectIn(platform.namespace),
    });
    expect(stored?.header.get('x-correlation-id')).toBe('e2e-slice-1');
    expect(stored?.header.get('Nats-Msg-Id')).toBe(stored?.json<{ id: string }>().id);
  });

  it('pages the list with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await createOpenDay({ title: `Page test ${i}`, agencyId: 'tax-bureau', date: `2027-01-0${i + 1}` });
      expect(res.status).toBe(201);
    }
    await waitFor(async () => {
      const all = (await (await fetch(`${platform.gateway}/api/v1/open-days?limit=100`)).json()) as { items: unknown[] };
      return all.items.length >= 4;
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (await fetch(`${platform.gateway}/api/v1/open-days?limit=2${query}`)).json()) as {
        items: OpenDayView[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['an empty title', { title: '', agencyId: 'water', date: '2026-11-29' }, 'title', 'isLength'],
    ['30 February', { title: 'x', agencyId: 'water', date: '2026-02-30' }, 'date', 'isDateString'],
    ['a missing agency', { title: 'x', date: '2026-11-29' }, 'agencyId', 'isString'],
    ['a wrong type', { title: 42, agencyId: 'water', date: '2026-11-29' }, 'title', 'isString'],
    ['an oversized title', { title: 'x'.repeat(201), agencyId: 'water', date: '2026-11-29' }, 'title', 'isLength'],
    ['an unknown field', { title: 'x', agencyId: 'water', date: '2026-11-29', idNumber: '1' }, 'idNumber', 'whitelistValidation'],
  ])('refuses %s with problem+json naming the field', async (_label, body, field, rule) => {
    const res = await createOpenDay(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: Array<{ field: string; rule: string }> };
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('answers 404 problem+json for an unknown open day and 400 for a malformed id', async () => {
    const missing = await fetch(`${platform.gateway}/api/v1/open-days/6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await fetch(`${platform.gateway}/api/v1/open-days/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ field: string }> }).errors[0].field).toBe('id');
  });

  it('dead-letters junk injected on an event subject while registration stays ready and keeps consuming', async () => {
    const subject = OpenDayPublishedV1.contract.subjectIn(platform.namespace);
    const h = natsHeaders();
    h.set('x-correlation-id', 'e2e-junk');
    await platform.js.publish(subject, '{"specversion":"1.0", "this is": junk', { headers: h });
    const store = new DeadLetterStore(platform.js, platform.jsm, platform.namespace);
    // Every consumer of the subject dead-letters it on its own.
    const consumers = ['feedback_open-days', 'notification_open-day-messages', 'notification_staff-plan-notices', 'registration_published-open-days', 'scheduling_admission-open-days', 'vetting_open-days'];
    const letters = await waitFor(
      async () => {
        const junk = (await store.list()).filter((l) => l.reason.startsWith('malformed JSON'));
        return junk.length >= consumers.length ? junk : undefined;
      },
      { what: 'dead letters' },
    );
    expect(letters.map((l) => l.consumer).sort()).toEqual(consumers);
    for (const service of ['registration', 'vetting', 'scheduling', 'notification', 'feedback'] as const) {
      expect((await fetch(`${platform.service(service).url}/health/ready`)).status).toBe(200);
    }

    const res = await createOpenDay({ title: 'After junk', agencyId: 'water', date: '2026-12-03' });
    const created = (await res.json()) as OpenDayView;
    await waitFor(() => readOpenDay(created.id), { what: 'open day after junk' });
  });

  it('loses nothing while registration is down, and answers 503/504 problem+json meanwhile', async () => {
    const registration = platform.service('registration');
    expect(await registration.stop('SIGTERM')).toBe(0);

    const res = await createOpenDay({ title: 'While registration is down', agencyId: 'water', date: '2026-12-04' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as OpenDayView;
    const unavailable = await fetch(`${platform.gateway}/api/v1/open-days/${created.id}`);
    expect([503, 504]).toContain(unavailable.status);
    expect(unavailable.headers.get('content-type')).toContain('application/problem+json');

    await registration.start();
    const copy = await waitFor(() => readOpenDay(created.id), { what: 'copy after restart' });
    expect(copy.title).toBe('While registration is down');
  });

  it('every deployable stops cleanly on SIGTERM', async () => {
    for (const name of SERVICES) {
      expect({ name, code: await platform.service(name).stop('SIGTERM') }).toEqual({ name, code: 0 });
    }
  });
});
