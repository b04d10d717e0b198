import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SignInCodeRequestedV1, type BusNamespace, type CloudEvent } from '@openday/contracts';
import { waitFor } from '../wait-for';

/**
 * Where a test or a script reads the one-time code the gateway sent a citizen. `watch` is called
 * before the code is asked for and answers a wait for the next code to that number, so a code
 * from an earlier sign-in is never taken for the new one.
 */
export interface SignInCodeSource {
  watch(mobile: string): Promise<() => Promise<string>>;
}

const SIX_DIGITS = /\b(\d{6})\b/;

/**
 * The codes as the gateway publishes them on its internal stream, where the notification service
 * reads them to send the SMS: for tests that own the bus namespace.
 */
export class BusSignInCodes implements SignInCodeSource {
  private readonly codes = new Map<string, string[]>();

  private constructor(
    private readonly stop: () => void,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Starts reading the gateway's internal stream (waiting until the gateway has made it) and
   * answers once every code already on it is read, so `watch` never takes an earlier code for the next.
   */
  static async start(connection: NatsConnection, namespace: BusNamespace, { timeoutMs = 30_000 } = {}): Promise<BusSignInCodes> {
    const stream = namespace.eventStream('gateway', 'internal');
    const subject = SignInCodeRequestedV1.contract.subjectIn(namespace);
    const jsm = await jetstreamManager(connection);
    const { state } = await waitFor(() => jsm.streams.info(stream).catch(() => undefined), { what: 'the gateway’s internal stream', timeoutMs: 60_000, intervalMs: 100 });
    const messages = await (await jetstream(connection).consumers.get(stream)).consume();
    const source = new BusSignInCodes(() => void messages.close(), timeoutMs);
    let readUpTo = 0;
    void (async () => {
      for await (const message of messages) {
        readUpTo = message.seq;
        if (message.subject !== subject) continue;
        const { mobile, code } = message.json<CloudEvent<SignInCodeRequestedV1>>().data;
        source.codes.set(mobile, [...(source.codes.get(mobile) ?? []), code]);
      }
    })();
    await waitFor(() => state.messages === 0 || readUpTo >= state.last_seq, { what: `the ${state.messages} events already on ${stream}`, timeoutMs: 60_000, intervalMs: 20 });
    return source;
  }

  /** Every code sent to `mobile` so far, oldest first. */
  sentTo(mobile: string): string[] {
    return this.codes.get(mobile) ?? [];
  }

  async watch(mobile: string): Promise<() => Promise<string>> {
    const seen = this.sentTo(mobile).length;
    return () => waitFor(() => this.sentTo(mobile)[seen], { what: `the sign-in code for ${mobile} on the bus`, timeoutMs: this.timeoutMs, intervalMs: 20 });
  }

  close(): void {
    this.stop();
  }
}

/** The codes as texted: read from the local SMS capture's HTTP API (GET <url>?to=), as a developer would. */
export class SmsCaptureCodes implements SignInCodeSource {
  constructor(
    /** The capture's SMS endpoint, e.g. http://127.0.0.1:3010/sms */
    readonly smsUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Every text to `mobile`, oldest first. */
  async texts(mobile: string): Promise<string[]> {
    const res = await fetch(`${this.smsUrl}?to=${encodeURIComponent(mobile)}&limit=1000`);
    if (res.status !== 200) throw new Error(`${this.smsUrl} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { items: Array<{ text: string }> }).items.map((sms) => sms.text).reverse();
  }

  async watch(mobile: string): Promise<() => Promise<string>> {
    const seen = (await this.texts(mobile)).length;
    return () => this.codeAfter(mobile, seen);
  }

  /** The code in the first text to `mobile` after the first `seen` texts, waiting for it. */
  async codeAfter(mobile: string, seen: number): Promise<string> {
    const text = await waitFor(async () => (await this.texts(mobile)).slice(seen).find((t) => SIX_DIGITS.test(t)), {
      what: `a sign-in code texted to ${mobile}`,
      timeoutMs: this.timeoutMs,
      intervalMs: 100,
    });
    return SIX_DIGITS.exec(text)![1];
  }
}
