import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  PERSONAL_DATA_SERVICES,
  PersonalDataRpcOperations,
  type Actor,
  type PersonalDataErasure,
  type PersonalDataExport,
  type PersonalDataRequest,
  type RegistrationPersonalDataExport,
} from '@openday/contracts';
import { Clock, problem, RpcClient } from '@openday/platform';
import { AuditService, type PersonalDataAccess } from '../audit/audit.service';
import { erasureAnswer, type ErasureAnswer } from './erasure-answer';

/** The services asked after registration, with the applications and people registration found. */
const AFTER_REGISTRATION = PERSONAL_DATA_SERVICES.filter((service) => service !== 'registration');

export const PERSONAL_DATA_FORMAT = 'openday-personal-data/1';

/** The whole download: the gateway's account data, each service's records and who read them. */
export interface PersonalDataDocument {
  format: typeof PERSONAL_DATA_FORMAT;
  exportedAt: string;
  account: {
    accountId: string;
    mobileMasked: string;
    createdAt: string;
    lastSignInAt: string | null;
    sessions: Array<{ issuedAt: string; expiresAt: string; revokedAt: string | null }>;
  };
  applicationIds: string[];
  services: Record<string, Array<Record<string, unknown>>>;
  accessLog: PersonalDataAccessEntry[];
}

/** A staff read of the citizen's data as they see it, with the open day's title where registration knows it. */
export interface PersonalDataAccessEntry extends PersonalDataAccess {
  openDayTitle: string | null;
}

interface CitizenRow {
  id: string;
  mobile_masked: string;
  mobile_hash: Buffer;
  created_at: Date;
  last_sign_in_at: Date | null;
}

/**
 * A citizen's rights over their data (PIPL): download everything the platform holds about
 * them, see which agency read it, and have their account and applications erased. Registration
 * is asked first: it knows the account's applications and people, which the others are asked about.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rpc: RpcClient,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(actor: Actor): Promise<PersonalDataDocument> {
    const citizen = await this.citizen(actor);
    const registration = await this.registration(actor);
    const request = requestFor(actor, registration);
    const others = await Promise.all(
      AFTER_REGISTRATION.map((service) => this.rpc.call<PersonalDataExport>(service, PersonalDataRpcOperations.export, request)),
    );
    const sessions: Array<{ issued_at: Date; expires_at: Date; revoked_at: Date | null }> = await this.dataSource.query(
      `SELECT issued_at, expires_at, revoked_at FROM refresh_tokens WHERE account_kind = 'citizen' AND account_id = $1 ORDER BY issued_at`,
      [actor.userId],
    );
    return {
      format: PERSONAL_DATA_FORMAT,
      exportedAt: this.clock.now().toISOString(),
      account: {
        accountId: citizen.id,
        mobileMasked: citizen.mobile_masked,
        createdAt: citizen.created_at.toISOString(),
        lastSignInAt: citizen.last_sign_in_at?.toISOString() ?? null,
        sessions: sessions.map((s) => ({ issuedAt: s.issued_at.toISOString(), expiresAt: s.expires_at.toISOString(), revokedAt: s.revoked_at?.toISOString() ?? null })),
      },
      applicationIds: registration.applicationIds,
      services: Object.fromEntries([registration, ...others].map((reply) => [reply.service, reply.records])),
      accessLog: await this.accessFor(registration),
    };
  }

  async access(actor: Actor): Promise<PersonalDataAccessEntry[]> {
    return this.accessFor(await this.registration(actor));
  }

  /**
   * Erases the citizen's data in every service, then the account. Registration goes last
   * among the services and the account after it, so a failure half-way leaves what a retry
   * needs to find the rest (each service's erasure is repeatable).
   */
  async erase(actor: Actor, mobileLast4: string): Promise<ErasureAnswer> {
    const citizen = await this.citizen(actor);
    if (citizen.mobile_masked.slice(-4) !== mobileLast4) {
      throw problem('unprocessable', {
        detail: 'The last 4 digits do not match the mobile number of this account; nothing was erased.',
        errors: [{ field: 'mobileLast4', rule: 'matchesAccountMobile', message: 'mobileLast4 must be the last 4 digits of the mobile number you sign in with' }],
      });
    }
    const registration = await this.registration(actor);
    const titles = titlesOf(registration);
    const request = requestFor(actor, registration);
    const replies = await Promise.all(
      AFTER_REGISTRATION.map((service) => this.rpc.call<PersonalDataErasure>(service, PersonalDataRpcOperations.erase, request)),
    );
    replies.push(await this.rpc.call<PersonalDataErasure>('registration', PersonalDataRpcOperations.erase, request));
    const now = this.clock.now();
    const answer = await this.dataSource.transaction(async (manager) => {
      const deleted = (sql: string, param: unknown) =>
        manager.query(`WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`, [param]).then((rows: Array<{ n: number }>) => rows[0].n);
      const removed =
        (await deleted(`DELETE FROM refresh_tokens WHERE account_kind = 'citizen' AND account_id = $1`, actor.userId)) +
        (await deleted(`DELETE FROM sign_in_codes WHERE mobile_hash = $1`, citizen.mobile_hash)) +
        (await deleted(`DELETE FROM idempotency_keys WHERE scope = $1`, actor.userId)) +
        (await deleted(`DELETE FROM citizens WHERE id = $1`, actor.userId));
      const result = erasureAnswer(replies, removed, titles, now);
      await this.audit.record(manager, actor, {
        action: 'personal-data.erased',
        targetType: 'citizen-account',
        targetId: actor.userId,
        details: { erased: result.erased, kept: result.kept.map(({ applicationId, reason }) => ({ applicationId, reason })) },
      });
      return result;
    });
    return answer;
  }

  private async citizen(actor: Actor): Promise<CitizenRow> {
    const rows: CitizenRow[] = await this.dataSource.query(
      `SELECT id, mobile_masked, mobile_hash, created_at, last_sign_in_at FROM citizens WHERE id = $1`,
      [actor.userId],
    );
    if (!rows[0]) throw problem('sign-in-required', { detail: 'This account no longer exists; sign in again.' });
    return rows[0];
  }

  private registration(actor: Actor): Promise<RegistrationPersonalDataExport> {
    const request: PersonalDataRequest = { accountId: actor.userId, applicationIds: [], personKeys: [] };
    return this.rpc.call<RegistrationPersonalDataExport>('registration', PersonalDataRpcOperations.export, request);
  }

  private async accessFor(registration: RegistrationPersonalDataExport): Promise<PersonalDataAccessEntry[]> {
    const titles = new Map<string, string>();
    for (const record of registration.records) {
      if (typeof record.openDayId === 'string' && typeof record.openDayTitle === 'string') titles.set(record.openDayId, record.openDayTitle);
    }
    const reads = await this.audit.readsOf(registration.personIds);
    return reads.map((read) => ({ ...read, openDayTitle: read.openDayId ? (titles.get(read.openDayId) ?? null) : null }));
  }
}

function requestFor(actor: Actor, registration: RegistrationPersonalDataExport): PersonalDataRequest {
  return { accountId: actor.userId, applicationIds: registration.applicationIds, personKeys: registration.personKeys };
}

/** Application id → open day title, from registration's records. */
function titlesOf(registration: RegistrationPersonalDataExport): Map<string, string> {
  const titles = new Map<string, string>();
  for (const record of registration.records) {
    if (typeof record.applicationId === 'string' && typeof record.openDayTitle === 'string') titles.set(record.applicationId, record.openDayTitle);
  }
  return titles;
}
