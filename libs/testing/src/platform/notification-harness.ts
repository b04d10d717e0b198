import { Client } from 'pg';
import type { EventContract } from '@openday/contracts';
import { addMissingCalendarYears, calendarYearsAhead } from '../calendar-years';
import type { GatewayClient } from '../client/gateway-client';
import { SmsCaptureCodes } from '../client/sign-in-codes';
import { SmsCaptureServer } from '../local-capture/sms-capture.server';
import { SmtpCapture } from '../local-capture/smtp-capture';
import { PlatformHarness, type PlatformServers, type ServiceName } from './platform-harness';

/** Access tokens of the demo staff a whole cycle needs. */
export type CycleStaff = Record<'water' | 'waterAdmin' | 'city' | 'handler', string>;

/**
 * The whole platform with the notification service pointed at a real HTTP SMS provider
 * (the capture endpoint, in this process) and a real SMTP server on loopback; the demo city
 * seeded; the notification database at hand for the in-app inbox.
 */
export class NotificationHarness {
  readonly platform: PlatformHarness;
  readonly sms = new SmsCaptureServer({ port: 0 });
  readonly smtp = new SmtpCapture();
  notificationDb: Client;
  private smsCodes?: SmsCaptureCodes;

  /** `servers`: PostgreSQL and NATS to run on instead of the environment's (see PlatformHarness). */
  constructor(servers?: PlatformServers) {
    this.platform = new PlatformHarness(servers);
  }

  /** `otherEnv` adds to (or overrides) any service's environment, e.g. a shifted clock. */
  async start(notificationEnv: Record<string, string> = {}, otherEnv: Partial<Record<ServiceName, Record<string, string>>> = {}): Promise<void> {
    await this.sms.start();
    await this.smtp.start();
    await this.platform.start({
      ...otherEnv,
      gateway: { LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '30000', ...otherEnv.gateway },
      notification: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        SMS_PROVIDER_URL: this.sms.url,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(this.smtp.port),
        DELIVERY_POLL_MS: '100',
        ...notificationEnv,
      },
    });
    this.notificationDb = new Client({ connectionString: this.platform.databases.find((d) => d.name.includes('notification'))!.url });
    // A PostgreSQL restart (the chaos run's faults) ends this idle connection: its later queries fail, the process goes on.
    this.notificationDb.on('error', () => undefined);
    await this.notificationDb.connect();
    await this.platform.seedDemoCity();
  }

  get client(): GatewayClient {
    return this.platform.client;
  }

  /** The sign-in codes as texted, read from the SMS capture (as a citizen reads their phone). */
  get texts(): SmsCaptureCodes {
    return (this.smsCodes ??= new SmsCaptureCodes(this.sms.url));
  }

  /**
   * The platform as a whole open-day cycle needs it: deliveries polled often, sign-ins and public
   * reads not limited, feedback's clock on the morning of `eventDate`, the staff of the water
   * authority, the city office and the tax office signed in, and calendar years for the event and
   * its feedback's 15-working-day due date (it may fall in a year the shipped calendar lacks).
   */
  async startWholeCycle(eventDate: string): Promise<CycleStaff> {
    await this.start(
      { DELIVERY_POLL_MS: '100' },
      {
        gateway: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' },
        feedback: { NODE_ENV: 'test', FEEDBACK_TEST_NOW: `${eventDate}T09:05:00+08:00` },
        vetting: { LOG_LEVEL: 'warn' },
      },
    );
    const staff: CycleStaff = {
      water: await this.staffSignIn('water-staff'),
      waterAdmin: await this.staffSignIn('water-admin'),
      city: await this.staffSignIn('city-office'),
      handler: await this.staffSignIn('tax-handler'),
    };
    await addMissingCalendarYears(this.platform.gateway, staff.city, calendarYearsAhead(new Date(), 14 + 45));
    return staff;
  }

  async stop(): Promise<void> {
    await this.notificationDb?.end();
    await this.platform.stop();
    await this.sms.stop();
    await this.smtp.stop();
  }

  /** Publishes an event as its producer's relay would (Nats-Msg-Id = event id). */
  async publish<T>(contract: EventContract<T>, data: T): Promise<void> {
    const event = contract.create(data, { subject: 'e2e' });
    await this.platform.js.publish(contract.subjectIn(this.platform.namespace), JSON.stringify(event), { msgID: event.id });
  }

  staffSignIn(username: string): Promise<string> {
    return this.client.staffSignIn(username);
  }

  /** A citizen signed in with the code texted to them. */
  citizenSignIn(mobile: string): Promise<string> {
    return this.client.citizenSignIn(mobile, this.texts);
  }

  call(method: string, url: string, body?: unknown, token?: string): Promise<Response> {
    return this.client.call(method, url, body, token);
  }
}
