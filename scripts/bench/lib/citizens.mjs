// Citizens for load runs, and their sign-in the way the portal does it: ask for a
// code, read it from the text message at the SMS capture, sign in with it (the
// shared client of libs/testing, with the capture watched here in bulk).
import { GatewayClient, testResidentId } from '@openday/testing';

const DAY_MS = 86_400_000;
const SURNAMES = '张李王刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平华';
const BIRTHS_FROM = Date.parse('1960-01-01T00:00:00Z');

/** `count` distinct adults (ID number, mobile) from `first` on; same numbers on every run. */
export function benchCitizens(count, first = 0) {
  return Array.from({ length: count }, (_, k) => {
    const n = first + k;
    const birthDate = new Date(BIRTHS_FROM + Math.floor(n / 900) * DAY_MS).toISOString().slice(0, 10);
    return {
      n,
      name: `${SURNAMES[n % 20]}${GIVEN[Math.floor(n / 20) % 20]}${GIVEN[Math.floor(n / 400) % 20]}`,
      idNumber: testResidentId(birthDate, String(100 + (n % 900)), '350102'),
      mobile: `137${String(n).padStart(8, '0')}`,
      district: 'gulou',
      language: 'zh-CN',
    };
  });
}

/** The body of a citizen's own application (channel self), as the portal sends it. */
export function applicationBody(citizen) {
  const { name, idNumber, mobile, district, language } = citizen;
  return { channel: 'self', applicant: { name, idNumber, mobile, language, category: 'ordinary-citizen', district, privacyConsent: true } };
}

/**
 * The SMS capture's messages by number, read every `intervalMs` (one pass over
 * the capture however many are waiting), with waiters for a number's next text.
 */
export class SmsWatch {
  constructor(capture, { intervalMs = 50 } = {}) {
    this.capture = capture;
    this.byMobile = new Map();
    this.waiters = new Map();
    this.seen = 0;
    this.timer = setInterval(() => this.read(), intervalMs);
  }

  read() {
    const all = this.capture.messages();
    for (const sms of all.slice(this.seen)) {
      if (!this.byMobile.has(sms.to)) this.byMobile.set(sms.to, []);
      this.byMobile.get(sms.to).push(sms);
      for (const waiter of this.waiters.get(sms.to) ?? []) waiter(sms);
    }
    this.seen = all.length;
  }

  messages(mobile) {
    return this.byMobile.get(mobile) ?? [];
  }

  /** As a SignInCodeSource (libs/testing): the code in the next text to `mobile`, once it comes. */
  async watch(mobile) {
    const seen = this.messages(mobile).length;
    return async () => {
      const sms = await this.next(mobile, (m) => this.messages(mobile).indexOf(m) >= seen && /\b\d{6}\b/.test(m.text));
      return /\b(\d{6})\b/.exec(sms.text)[1];
    };
  }

  /** The first text to `mobile` matching `test`, already there or still to come. */
  next(mobile, test, timeoutMs = 60_000) {
    const found = this.messages(mobile).find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(mobile) ?? [];
      const timer = setTimeout(() => done(() => reject(new Error(`no text to ${mobile} within ${timeoutMs / 1000} s`))), timeoutMs);
      const waiter = (sms) => test(sms) && done(() => resolve(sms));
      const done = (settle) => {
        clearTimeout(timer);
        this.waiters.set(mobile, (this.waiters.get(mobile) ?? []).filter((w) => w !== waiter));
        settle();
      };
      list.push(waiter);
      this.waiters.set(mobile, list);
    });
  }

  stop() {
    clearInterval(this.timer);
  }
}

/** One citizen through the real code flow; answers the access token. */
export function signInCitizen(gatewayUrl, smsWatch, citizen) {
  return new GatewayClient(gatewayUrl).citizenSignIn(citizen.mobile, smsWatch);
}

/**
 * Signs every citizen in, `concurrency` at a time, round-robin over the gateways;
 * sets `citizen.token`. Answers { durationMs, perSecond }.
 */
export async function signInCitizens({ gatewayUrls, smsWatch, citizens, concurrency = 100, onProgress = () => {} }) {
  const started = Date.now();
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (let i = next++; i < citizens.length; i = next++) {
      citizens[i].token = await signInCitizen(gatewayUrls[i % gatewayUrls.length], smsWatch, citizens[i]);
      if (++done % 500 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, citizens.length) }, lane));
  const durationMs = Date.now() - started;
  return { durationMs, perSecond: citizens.length / (durationMs / 1000) };
}
