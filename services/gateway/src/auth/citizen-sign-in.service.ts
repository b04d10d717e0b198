import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { problemEntry, SignInCodeRequestedV1 } from '@openday/contracts';
import { maskMobile, normalizeMobile } from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { Clock, problem, ProblemException, SERVICE_CONFIG } from '@openday/platform';
import { GatewaySecrets } from '../access/secrets';
import type { GatewayConfig } from '../gateway.config';
import { SessionsService, type TokenPair } from './sessions.service';
import {
  DAY_MS,
  checkCode,
  codeHash,
  decideSend,
  generateCode,
  mobileLookupKey,
  sameHash,
  type CodeCheck,
  type SignInCodeRules,
} from './sign-in-code-rules';

export interface CodeSent {
  expiresAt: string;
  resendAfterSeconds: number;
}

interface CodeRow {
  id: string;
  code_hash: Buffer;
  expires_at: Date;
  attempts: number;
  consumed_at: Date | null;
}

/** Thrown for a refused send; carries the seconds for Retry-After. */
export class CodeRateLimited extends ProblemException {
  constructor(readonly retryAfterSeconds: number, reason: 'too-soon' | 'daily-limit') {
    super({
      ...problemEntry('sign-in-code-rate-limited'),
      detail:
        reason === 'too-soon'
          ? `A code was sent to this number moments ago; ask again in ${retryAfterSeconds} s.`
          : `This number has had today's allowance of codes; ask again in ${retryAfterSeconds} s.`,
    });
  }
}

/**
 * Citizens sign in with their mobile number and a one-time code sent by SMS.
 * The gateway keeps keyed hashes of the number and the code, never either in
 * clear; the code leaves in an internal event (through the outbox, in the same
 * transaction) that the notification service turns into a text message.
 */
@Injectable()
export class CitizenSignInService {
  private readonly rules: SignInCodeRules;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly secrets: GatewaySecrets,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
  ) {
    this.rules = {
      ttlMs: config.SIGN_IN_CODE_TTL_SECONDS * 1000,
      maxTries: 5,
      resendIntervalMs: config.SIGN_IN_CODE_RESEND_SECONDS * 1000,
      maxPerDay: config.SIGN_IN_CODES_PER_DAY,
    };
  }

  async requestCode(mobileInput: string): Promise<CodeSent> {
    const mobile = normalised(mobileInput);
    const mobileKey = mobileLookupKey(this.secrets.mobileLookupKey, mobile);
    return this.dataSource.transaction(async (manager) => {
      // One sender at a time per number, so two concurrent requests cannot both pass the limits.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [mobileKey.toString('hex')]);
      const now = this.clock.now();
      const sent: Array<{ created_at: Date }> = await manager.query(
        'SELECT created_at FROM sign_in_codes WHERE mobile_hash = $1 AND created_at > $2',
        [mobileKey, new Date(now.getTime() - DAY_MS)],
      );
      const decision = decideSend(
        sent.map((row) => row.created_at),
        now,
        this.rules,
      );
      if (!decision.allowed) throw new CodeRateLimited(decision.retryAfterSeconds, decision.reason);
      const code = generateCode();
      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + this.rules.ttlMs);
      await manager.query(
        `INSERT INTO sign_in_codes (id, mobile_hash, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [id, mobileKey, codeHash(this.secrets.signInCodeKey, mobileKey, code), now, expiresAt],
      );
      await this.outbox.add(
        manager,
        SignInCodeRequestedV1.contract,
        { mobile, code, purpose: 'citizen-sign-in', expiresAt: expiresAt.toISOString(), validForSeconds: Math.round(this.rules.ttlMs / 1000) },
        { aggregateId: `sign-in-code/${id}` },
      );
      return { expiresAt: expiresAt.toISOString(), resendAfterSeconds: Math.ceil(this.rules.resendIntervalMs / 1000) };
    });
  }

  /** Checks the code against the number's latest one; right: the citizen's account (created on first sign-in) gets a session. */
  async signIn(mobileInput: string, code: string): Promise<TokenPair> {
    const mobile = normalised(mobileInput);
    const mobileKey = mobileLookupKey(this.secrets.mobileLookupKey, mobile);
    const outcome = await this.dataSource.transaction(async (manager): Promise<{ refused: CodeCheck } | { pair: TokenPair }> => {
      const rows: CodeRow[] = await manager.query(
        `SELECT id, code_hash, expires_at, attempts, consumed_at FROM sign_in_codes
          WHERE mobile_hash = $1 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [mobileKey],
      );
      const row = rows[0];
      const now = this.clock.now();
      const matches = row !== undefined && sameHash(row.code_hash, codeHash(this.secrets.signInCodeKey, mobileKey, code));
      const check = checkCode(row && { expiresAt: row.expires_at, attempts: row.attempts, consumedAt: row.consumed_at }, matches, now, this.rules);
      if (!check.ok) {
        if (check.reason === 'wrong') await manager.query('UPDATE sign_in_codes SET attempts = attempts + 1 WHERE id = $1', [row!.id]);
        return { refused: check };
      }
      await manager.query('UPDATE sign_in_codes SET consumed_at = $2 WHERE id = $1', [row!.id, now]);
      const citizens: Array<{ id: string; disabled_at: Date | null }> = await manager.query(
        `INSERT INTO citizens (id, mobile_hash, mobile_masked, created_at, last_sign_in_at)
         VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (mobile_hash) DO UPDATE SET last_sign_in_at = EXCLUDED.last_sign_in_at
         RETURNING id, disabled_at`,
        [randomUUID(), mobileKey, maskMobile(mobile), now],
      );
      if (citizens[0].disabled_at) return { refused: { ok: false, reason: 'used' } };
      return { pair: await this.sessions.start(manager, { id: citizens[0].id, kind: 'citizen', role: 'citizen' }) };
    });
    // Thrown after the commit, so a wrong try stays counted.
    if ('refused' in outcome) throw codeRefused(outcome.refused);
    return outcome.pair;
  }

  async prune(): Promise<void> {
    await this.dataSource.query('DELETE FROM sign_in_codes WHERE created_at < $1', [new Date(this.clock.now().getTime() - 2 * DAY_MS)]);
  }
}

function normalised(input: string): string {
  const parsed = normalizeMobile(input);
  if (!parsed.ok) {
    throw problem('invalid-input', {
      detail: 'The request has invalid fields.',
      errors: [{ field: 'mobile', rule: parsed.rule, message: parsed.message }],
    });
  }
  return parsed.value;
}

function codeRefused(check: CodeCheck): ProblemException {
  const detail: Record<string, string> = {
    'no-code': 'No code was sent to this number; ask for one first.',
    used: 'This code was already used; ask for a new one.',
    locked: 'Too many wrong tries; ask for a new code.',
    expired: 'The code has expired; ask for a new one.',
  };
  const reason = check.ok ? 'no-code' : check.reason;
  return problem('sign-in-code-refused', {
    detail:
      !check.ok && check.reason === 'wrong'
        ? `The code is wrong; ${check.triesLeft} ${check.triesLeft === 1 ? 'try' : 'tries'} left.`
        : detail[reason],
    errors: [{ field: 'code', rule: reason, message: `code: ${reason}` }],
  });
}
