// Citizens sign in the real way: ask for a code, read it where the SMS would
// carry it (the gateway's internal sign-in-code event, through the local-only
// helper services/gateway/dist/seed/last-sign-in-code.js), sign in.
//
// A code may be asked for once a minute and ten times a day per number, so the
// refresh token of each demo citizen is kept in a local session file (mode
// 0600) and a re-run refreshes instead of texting again; when the refresh is
// refused (expired, another database) it falls back to a new code.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../lib/run.mjs';
import { ROOT } from '../lib/services.mjs';

const run = promisify(execFile);
export const LAST_CODE_HELPER = join(ROOT, 'services/gateway/dist/seed/last-sign-in-code.js');

/** The default session file: one per gateway URL, in the temp directory. */
export function defaultSessionFile(gatewayUrl) {
  const id = createHash('sha256').update(gatewayUrl).digest('hex').slice(0, 12);
  return join(tmpdir(), 'openday-demo-seed', `citizen-sessions-${id}.json`);
}

export class CitizenSessions {
  /**
   * @param {{ client: import('./gateway-client.mjs').GatewayClient, file: string, env: NodeJS.ProcessEnv, say: (line: string) => void }} options
   * `env` is what the code helper runs with (NATS_URL, BUS_NAMESPACE of the gateway).
   */
  constructor({ client, file, env, say }) {
    this.client = client;
    this.file = file;
    this.env = env;
    this.say = say;
    this.tokens = new Map();
    try {
      this.saved = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      this.saved = {};
    }
  }

  /** An access token for the citizen with this mobile: refreshed session, or a new sign-in with a texted code. */
  async token(mobile) {
    if (this.tokens.has(mobile)) return this.tokens.get(mobile);
    let pair = null;
    const refreshToken = this.saved[mobile];
    if (refreshToken) {
      const res = await this.client.call('POST', '/api/v1/auth/refresh', { body: { refreshToken }, expect: [200, 400, 401] });
      if (res.status === 200) pair = res.body;
    }
    let how = 'session refreshed';
    if (!pair) {
      pair = await this.signInWithCode(mobile);
      how = 'signed in with a texted code';
    }
    this.saved[mobile] = pair.refreshToken;
    this.save();
    this.tokens.set(mobile, pair.accessToken);
    this.say(`  citizen ${mobile}: ${how}`);
    return pair.accessToken;
  }

  signInWithCode(mobile) {
    return this.client.citizenSession(mobile, this);
  }

  /**
   * Where the shared client reads the code (a SignInCodeSource): the newest code the helper
   * finds for the number, once it is newer than the one there before the code was asked for.
   */
  async watch(mobile) {
    const before = await this.readCode(mobile);
    const isNew = (found) => found && (!before || Date.parse(found.expiresAt) > Date.parse(before.expiresAt));
    return async () => {
      const found = await this.client.until(`the sign-in code for ${mobile} on the bus`, async () => {
        const latest = await this.readCode(mobile);
        return isNew(latest) ? latest : undefined;
      }, { timeoutMs: 15_000, intervalMs: 250 });
      return found.code;
    };
  }

  /** The newest code sent to the number ({ code, expiresAt }), as the helper reads it; undefined when none was. */
  async readCode(mobile) {
    let stdout;
    try {
      ({ stdout } = await run(process.execPath, [LAST_CODE_HELPER, mobile], { env: this.env, timeout: 15_000 }));
    } catch (error) {
      const message = String(error.stderr || error.message).trim();
      if (/no sign-in code was requested/.test(message)) return undefined;
      throw new UserError(`could not read the sign-in code for ${mobile} with ${LAST_CODE_HELPER}: ${message}`);
    }
    const match = /^(\d{6})\s+\(expires (\S+)\)/.exec(stdout.trim());
    if (!match) throw new UserError(`unexpected output from ${LAST_CODE_HELPER}: ${stdout.trim()}`);
    return { code: match[1], expiresAt: match[2] };
  }

  save() {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, `${JSON.stringify(this.saved, null, 2)}\n`, { mode: 0o600 });
  }
}
