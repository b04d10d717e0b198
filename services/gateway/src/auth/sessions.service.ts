import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, Role } from '@openday/contracts';
import { Clock, problem, ProblemException, SERVICE_CONFIG } from '@openday/platform';
import { AccessTokens, type AccountKind } from '../access/access-tokens';
import type { GatewayConfig } from '../gateway.config';
import { decideRefresh, hashRefreshToken, newRefreshToken, REFRESH_TOKEN_PATTERN } from './refresh-token-rules';

export interface SessionSubject {
  id: string;
  kind: AccountKind;
  role: Role;
  agencyId?: string | null;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  actor: Actor;
}

interface RefreshRow {
  id: string;
  family_id: string;
  account_kind: AccountKind;
  account_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Sessions: a sign-in starts a family of refresh tokens. Each refresh uses up
 * the presented token and hands out the next one of the family; presenting a
 * used-up token again means it was copied, and revokes the whole family.
 * Only SHA-256 hashes of refresh tokens are stored.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokens,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** A new session for a subject that has just proved who they are. */
  async start(manager: EntityManager, subject: SessionSubject): Promise<TokenPair> {
    return this.issue(manager, subject, randomUUID());
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    if (!REFRESH_TOKEN_PATTERN.test(refreshToken)) throw refused();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: RefreshRow[] = await manager.query(
        `SELECT id, family_id, account_kind, account_id, expires_at, used_at, revoked_at
           FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hashRefreshToken(refreshToken)],
      );
      const row = rows[0];
      const now = this.clock.now();
      const decision = decideRefresh(row && { expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at }, now);
      if (decision === 'reused') {
        await this.revokeFamily(manager, row!.family_id, now);
        return { refused: 'refresh-token-reused' } as const;
      }
      if (decision !== 'rotate') return { refused: 'refresh-token-refused' } as const;
      await manager.query('UPDATE refresh_tokens SET used_at = $2 WHERE id = $1', [row!.id, now]);
      const subject = await this.currentSubject(manager, row!.account_kind, row!.account_id);
      if (!subject) {
        await this.revokeFamily(manager, row!.family_id, now);
        return { refused: 'refresh-token-refused' } as const;
      }
      return { pair: await this.issue(manager, subject, row!.family_id) } as const;
    });
    // Refusals are thrown after the commit, so a family revoked for reuse stays revoked.
    if ('refused' in outcome) throw refused(outcome.refused);
    return outcome.pair;
  }

  /** Ends the session the token belongs to (its whole family). Unknown tokens are ignored: the answer does not tell. */
  async signOut(refreshToken: string): Promise<void> {
    if (!REFRESH_TOKEN_PATTERN.test(refreshToken)) return;
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = $2
        WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [hashRefreshToken(refreshToken), this.clock.now()],
    );
  }

  async prune(): Promise<void> {
    // A day's grace after expiry keeps reuse of a recently expired family detectable.
    await this.dataSource.query(`DELETE FROM refresh_tokens WHERE expires_at < $1`, [new Date(this.clock.now().getTime() - 24 * 3_600_000)]);
  }

  private async issue(manager: EntityManager, subject: SessionSubject, familyId: string): Promise<TokenPair> {
    const now = this.clock.now();
    const refreshExpiresIn = this.config.REFRESH_TOKEN_TTL_SECONDS;
    const { token, hash } = newRefreshToken();
    await manager.query(
      `INSERT INTO refresh_tokens (id, family_id, account_kind, account_id, token_hash, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), familyId, subject.kind, subject.id, hash, now, new Date(now.getTime() + refreshExpiresIn * 1000)],
    );
    const access = await this.accessTokens.issue(subject);
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken: token,
      refreshExpiresIn,
      actor: { userId: subject.id, role: subject.role, ...(subject.agencyId ? { agencyId: subject.agencyId } : {}) },
    };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
  }

  /** The account as it is now: role changes apply on refresh; disabled accounts get nothing. */
  private async currentSubject(manager: EntityManager, kind: AccountKind, id: string): Promise<SessionSubject | undefined> {
    if (kind === 'citizen') {
      const rows: unknown[] = await manager.query('SELECT 1 FROM citizens WHERE id = $1 AND disabled_at IS NULL', [id]);
      return rows.length ? { id, kind, role: 'citizen' } : undefined;
    }
    const rows: Array<{ role: Role; agency_id: string }> = await manager.query(
      `SELECT s.role, s.agency_id FROM staff_accounts s JOIN agencies a ON a.id = s.agency_id
        WHERE s.id = $1 AND s.disabled_at IS NULL AND a.active`,
      [id],
    );
    return rows[0] ? { id, kind, role: rows[0].role, agencyId: rows[0].agency_id } : undefined;
  }
}

function refused(code: 'refresh-token-refused' | 'refresh-token-reused' = 'refresh-token-refused'): ProblemException {
  return problem(code, {
    detail:
      code === 'refresh-token-reused'
        ? 'This refresh token was already used; the session is revoked. Sign in again.'
        : 'The refresh token is invalid, expired or revoked. Sign in again.',
  });
}
