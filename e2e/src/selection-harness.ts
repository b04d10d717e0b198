import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { OpenDayPublishedV2 } from '@openday/contracts';
import { PlatformHarness, type BusSignInCodes } from '@openday/testing';

/**
 * The platform as the selection burst tests need it: limits raised for hundreds of
 * sign-ins from one address, the demo city seeded, citizens signed in through the real
 * one-time-code flow (codes read from the internal bus), and vetting's database at hand.
 */
export class SelectionHarness {
  readonly platform = new PlatformHarness();
  readonly tokens = new Map<number, string>();
  staffToken: string;
  vettingDb: Client;
  private codes: BusSignInCodes;

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
    await platform.seedDemoCity();
    this.staffToken = await this.staffSignIn('water-staff');
    this.codes = await platform.signInCodes();
  }

  async stop(): Promise<void> {
    await this.vettingDb?.end();
    await this.platform.stop();
  }

  staffSignIn(username: string): Promise<string> {
    return this.platform.client.staffSignIn(username);
  }

  /** The real one-time-code flow, the code read from the internal bus where the notification service reads it. */
  citizenSignIn(mobile: string): Promise<string> {
    return this.platform.client.citizenSignIn(mobile, this.codes);
  }

  call(method: string, url: string, body?: unknown, token?: string): Promise<Response> {
    return this.platform.client.call(method, url, body, token);
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
