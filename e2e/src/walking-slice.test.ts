import { randomUUID } from 'node:crypto';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { OpenDayPublishedV1, OpenDayPublishedV2 } from '@openday/contracts';
import { DeadLetterStore } from '@openday/messaging';
import { PlatformHarness, SERVICES, waitFor } from '@openday/testing';

interface OpenDayView {
  id: string;
  title: string;
  agencyId: string;
  date: string;
}

/**
 * Open days are made only by filing a plan (the whole cycle, over HTTP, is in
 * open-day-cycle.test.ts); here scheduling's publication is put on the bus as
 * its outbox relay puts it, and the rest of the slice is real.
 */
describe('walking slice: a publication on JetStream → registration → gateway', () => {
  const platform = new PlatformHarness();
  beforeAll(() => platform.start({ gateway: { RPC_TIMEOUT_MS: '2000' } }), 120_000);
  afterAll(() => platform.stop(), 60_000);

  async function publishOpenDay(title: string, agencyId: string, date: string): Promise<string> {
    const example = OpenDayPublishedV2.contract.definition.example;
    const openDayId = randomUUID();
    await platform.publishOpenDay({
      ...example,
      openDayId,
      planId: randomUUID(),
      title,
      agencyId,
      sessions: [{ ...example.sessions[0], sessionId: randomUUID(), date }],
      publishedAt: new Date().toISOString(),
    });
    return openDayId;
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

  it('shows registration’s copy of a published open day through the gateway', async () => {
    const id = await publishOpenDay('走进自来水厂：从源头到龙头', 'water-affairs-bureau', '2026-11-29');
    const copy = await waitFor(() => readOpenDay(id), { what: 'registration copy' });
    expect(copy).toMatchObject({ id, title: '走进自来水厂：从源头到龙头', agencyId: 'water-affairs-bureau', date: '2026-11-29' });

    const list = (await (await fetch(`${platform.gateway}/api/v1/open-days?limit=50`)).json()) as { items: OpenDayView[] };
    expect(list.items.map((d) => d.id)).toContain(id);
  });

  it('has no route to make an open day without filing a plan', async () => {
    const res = await fetch(`${platform.gateway}/api/v1/open-days`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', agencyId: 'water-affairs-bureau', date: '2026-11-29' }),
    });
    expect(res.status).toBe(404);
  });

  it('pages the list with a cursor', async () => {
    for (let i = 0; i < 3; i++) await publishOpenDay(`Page test ${i}`, 'tax-bureau', `2027-01-0${i + 1}`);
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

    const afterJunk = await publishOpenDay('After junk', 'water-affairs-bureau', '2026-12-03');
    await waitFor(() => readOpenDay(afterJunk), { what: 'open day after junk' });
  });

  it('loses nothing while registration is down, and answers 503/504 problem+json meanwhile', async () => {
    const registration = platform.service('registration');
    expect(await registration.stop('SIGTERM')).toBe(0);

    const id = await publishOpenDay('While registration is down', 'water-affairs-bureau', '2026-12-04');
    const unavailable = await fetch(`${platform.gateway}/api/v1/open-days/${id}`);
    expect([503, 504]).toContain(unavailable.status);
    expect(unavailable.headers.get('content-type')).toContain('application/problem+json');

    await registration.start();
    const copy = await waitFor(() => readOpenDay(id), { what: 'copy after restart' });
    expect(copy.title).toBe('While registration is down');
  });

  it('every deployable stops cleanly on SIGTERM', async () => {
    for (const name of SERVICES) {
      expect({ name, code: await platform.service(name).stop('SIGTERM') }).toEqual({ name, code: 0 });
    }
  });
});
