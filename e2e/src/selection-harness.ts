import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { SignInCodeRequestedV1, type CloudEvent, type OpenDayPublishedV2 } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { DEMO_PASSWORD } from '../../services/gateway/src/seed/demo-city';
import { PlatformHarness } from './platform-harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/**
 * The platform as the selection burst tests need it: limits raised for hundreds of
 * sign-ins from one address, the demo city seeded, citizens signed in through the real
 * one-time-code flow (codes read from the internal bus), and vetting's database at hand.
 */
export class SelectionHarness {
  readonly platform = new PlatformHarness();
  readonly tokens = new Map<number, string>();
  private readonly codes = new Map<string, string>();
  staffToken: string;
  vettingDb: Client;
  private stopCodes?: () => void;

  async start(): Promise<void> {
    const { platform } = this;
    await platform.start({
      registration: { PERSONAL_DATA_KEY: randomBytes(32).toString('base64'), PERSONAL_DATA_HASH_KEY: randomBytes(32).toString('base64') },
      gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RPC_TIMEOUT_MS: '30000', LOG_LEVEL: 'warn' },
      vetting: { TIMER_POLL_MS: '200', LOG_LEVEL: 'warn' },
      notification: { LOG_LEVEL: 'warn' },
    });
    this.vettingDb = new Client({ connectionString: platform.databases.find((d) => d.name.includes('vetting'))!.url });
    await this.vettingDb.connect();
    const gateway = platform.service('gateway').options.env;
    await run(process.execPath, [path.join(ROOT, 'services/gateway/dist/seed/seed.js')], {
      env: { ...process.env, DATABASE_URL: gateway.DATABASE_URL, NATS_URL: gateway.NATS_URL, BUS_NAMESPACE: gateway.BUS_NAMESPACE, LOG_LEVEL: 'warn' },
    });
    this.staffToken = await this.staffSignIn('water-staff');
    this.stopCodes = await this.collectSignInCodes();
  }

  async stop(): Promise<void> {
    this.stopCodes?.();
    await this.vettingDb?.end();
    await this.platform.stop();
  }

  async staffSignIn(username: string): Promise<string> {
    const res = await this.call('POST', '/api/v1/auth/staff/sign-in', { username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  /** Reads every sign-in code from the internal bus, where the notification service reads them to send the SMS. */
  private async collectSignInCodes(): Promise<() => void> {
    const { platform } = this;
    const stream = platform.namespace.eventStream('gateway', 'internal');
    const subject = SignInCodeRequestedV1.contract.subjectIn(platform.namespace);
    await waitFor(() => platform.jsm.streams.info(stream).then(() => true, () => false), { what: 'the gateway’s internal stream' });
    const consumer = await platform.js.consumers.get(stream);
    const messages = await consumer.consume();
    void (async () => {
      for await (const message of messages) {
        if (message.subject !== subject) continue;
        const event = message.json<CloudEvent<SignInCodeRequestedV1>>();
        this.codes.set(event.data.mobile, event.data.code);
      }
    })();
    return () => void messages.close();
  }

  async citizenSignIn(mobile: string): Promise<string> {
    const asked = await this.call('POST', '/api/v1/auth/citizen/sign-in-codes', { mobile });
    expect(asked.status).toBe(202);
    const code = await waitFor(() => this.codes.get(mobile), { what: `the sign-in code for ${mobile}`, timeoutMs: 30_000 });
    const signedIn = await this.call('POST', '/api/v1/auth/citizen/sign-in', { mobile, code });
    expect(signedIn.status).toBe(200);
    return ((await signedIn.json()) as { accessToken: string }).accessToken;
  }

  call(method: string, url: string, body?: unknown, token?: string): Promise<Response> {
    return fetch(`${this.platform.gateway}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** As scheduling publishes: see PlatformHarness.publishOpenDay. */
  publish(data: OpenDayPublishedV2, mediaPlaces = 5): Promise<void> {
    return this.platform.publishOpenDay(data, mediaPlaces);
  }

  async vettingCount(sql: string, params: unknown[]): Promise<number> {
    const { rows } = await this.vettingDb.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return rows[0].n as number;
  }
}
