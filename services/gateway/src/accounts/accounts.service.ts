import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BusNamespace, StaffContactRecordedV1, type Actor, type Page } from '@openday/contracts';
import { maskEmail } from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { Clock, type FieldCipher, keysetCursor, personalDataProtection, problem, ProblemException } from '@openday/platform';
import type { StaffRole } from '../access/access.decorator';
import { assertAgencyVisible, notFound } from '../access/agency-scope';
import { AuditService } from '../audit/audit.service';
import type { GatewayConfig } from '../gateway.config';
import { checkAccountChange, checkNewAccount, type RuleViolation } from './account-rules';
import type { CreateStaffAccountRequest, ListAccountsQuery, StaffAccountView, UpdateStaffAccountRequest } from './account.dto';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';
import { STAFF_EMAIL_CIPHER, openDisplayName, openEmail, sealDisplayName, sealEmail } from './staff-email';

const ACCOUNT_PAGES = keysetCursor('account', ['text']);

export interface StaffAccountRow {
  id: string;
  username: string;
  /** Encrypted (STAFF_EMAIL_CIPHER, its own context). */
  display_name: string;
  role: StaffRole;
  agency_id: string;
  /** Encrypted (STAFF_EMAIL_CIPHER); null when the account has none. */
  email: string | null;
  password_hash: string;
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Staff accounts. Each belongs to one agency; the city office manages any
 * agency's accounts, an agency admin only their own agency's (another
 * agency's accounts are not found). Every change is audited in its transaction,
 * and each change of e-mail, role or enabled state is told to the notification
 * service (staff-contact-recorded) in the same transaction.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    @Inject(STAFF_EMAIL_CIPHER) private readonly emailCipher: FieldCipher,
  ) {}

  /** The service outside Nest (the seed command), wired as the gateway wires it. */
  static standalone(dataSource: DataSource, config: GatewayConfig, clock: Clock): AccountsService {
    const outbox = new Outbox(new BusNamespace(config.BUS_NAMESPACE));
    return new AccountsService(dataSource, new AuditService(dataSource, clock), clock, outbox, personalDataProtection(config).cipher);
  }

  /** `actor` undefined: the system (the seed command). */
  async create(actor: Actor | undefined, agencyId: string, request: CreateStaffAccountRequest): Promise<StaffAccountView> {
    if (actor) assertAgencyVisible(actor, agencyId);
    const refusal = checkNewAccount(actor, request.role, agencyId);
    if (refusal) throw violation(refusal);
    const passwordHash = await hashPassword(request.password);
    return this.dataSource.transaction(async (manager) => {
      const agencies: Array<{ active: boolean }> = await manager.query('SELECT active FROM agencies WHERE id = $1 FOR SHARE', [agencyId]);
      if (!agencies[0]) throw notFound(`agency ${agencyId}`);
      if (!agencies[0].active) throw problem('conflict', { detail: `Agency ${agencyId} is deactivated.` });
      const now = this.clock.now();
      const rows: StaffAccountRow[] = await manager.query(
        `INSERT INTO staff_accounts (id, username, display_name, role, agency_id, email, password_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT DO NOTHING
         RETURNING *`,
        [randomUUID(), request.username, sealDisplayName(this.emailCipher, request.displayName.trim()), request.role, agencyId, sealEmail(this.emailCipher, request.email ?? null), passwordHash, now],
      );
      if (!rows[0]) {
        throw problem('username-taken', {
          detail: `The username ${request.username} is taken.`,
          errors: [{ field: 'username', rule: 'unique', message: 'username is taken' }],
        });
      }
      const view = this.toView(rows[0]);
      await this.audit.record(manager, actor, {
        action: 'account.created',
        targetType: 'staff-account',
        targetId: view.id,
        agencyId,
        details: { username: view.username, role: view.role, withEmail: view.email !== null },
      });
      await this.recordContact(manager, rows[0]);
      return view;
    });
  }

  async list(actor: Actor, agencyId: string, query: ListAccountsQuery): Promise<Page<StaffAccountView>> {
    assertAgencyVisible(actor, agencyId);
    await this.requireAgency(agencyId);
    const limit = query.limit ?? 50;
    const params: unknown[] = [agencyId];
    const where = ['agency_id = $1'];
    if (query.cursor) {
      params.push(ACCOUNT_PAGES.read(query.cursor)[0]);
      where.push(`username > $${params.length}`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`role = $${params.length}`);
    }
    params.push(limit + 1);
    const rows: StaffAccountRow[] = await this.dataSource.query(
      `SELECT * FROM staff_accounts WHERE ${where.join(' AND ')} ORDER BY username LIMIT $${params.length}`,
      params,
    );
    const page = ACCOUNT_PAGES.page(rows, limit, (row) => [row.username]);
    return { items: page.items.map((row) => this.toView(row)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, agencyId: string, accountId: string): Promise<StaffAccountView> {
    assertAgencyVisible(actor, agencyId);
    const rows: StaffAccountRow[] = await this.dataSource.query('SELECT * FROM staff_accounts WHERE id = $1 AND agency_id = $2', [
      accountId,
      agencyId,
    ]);
    if (!rows[0]) throw notFound(`account ${accountId} in agency ${agencyId}`);
    return this.toView(rows[0]);
  }

  async update(actor: Actor, agencyId: string, accountId: string, request: UpdateStaffAccountRequest): Promise<StaffAccountView> {
    assertAgencyVisible(actor, agencyId);
    const passwordHash = request.password === undefined ? undefined : await hashPassword(request.password);
    return this.dataSource.transaction(async (manager) => {
      const rows: StaffAccountRow[] = await manager.query('SELECT * FROM staff_accounts WHERE id = $1 AND agency_id = $2 FOR UPDATE', [
        accountId,
        agencyId,
      ]);
      const before = rows[0];
      if (!before) throw notFound(`account ${accountId} in agency ${agencyId}`);
      const refusal = checkAccountChange(actor, { id: before.id, role: before.role, agencyId: before.agency_id }, request);
      if (refusal) throw violation(refusal);

      const now = this.clock.now();
      const next = { ...before };
      const audits: Array<{ action: string; details: Record<string, unknown> }> = [];
      if (request.displayName !== undefined && request.displayName.trim() !== openDisplayName(this.emailCipher, before.display_name)) {
        next.display_name = sealDisplayName(this.emailCipher, request.displayName.trim());
        // The names themselves stay out of the audit log: they are personal data.
        audits.push({ action: 'account.renamed', details: {} });
      }
      if (request.role !== undefined && request.role !== before.role) {
        next.role = request.role;
        audits.push({ action: 'account.role-changed', details: { from: before.role, to: request.role } });
      }
      if (request.disabled !== undefined && request.disabled !== (before.disabled_at !== null)) {
        next.disabled_at = request.disabled ? now : null;
        audits.push({ action: request.disabled ? 'account.disabled' : 'account.enabled', details: {} });
      }
      if (passwordHash !== undefined) {
        next.password_hash = passwordHash;
        audits.push({ action: 'account.password-reset', details: {} });
      }
      const emailChanged = request.email !== undefined && request.email !== openEmail(this.emailCipher, before.email);
      if (emailChanged) {
        next.email = sealEmail(this.emailCipher, request.email ?? null);
        // The address itself stays out of the audit log: it is personal data.
        audits.push({ action: request.email === null ? 'account.email-removed' : 'account.email-changed', details: {} });
      }
      if (audits.length === 0) return this.toView(before);

      const [updated] = (await manager.query(
        `UPDATE staff_accounts SET display_name = $2, role = $3, disabled_at = $4, password_hash = $5, email = $6, updated_at = $7
          WHERE id = $1 RETURNING *`,
        [before.id, next.display_name, next.role, next.disabled_at, next.password_hash, next.email, now],
      )) as [StaffAccountRow[], number];
      for (const { action, details } of audits) {
        await this.audit.record(manager, actor, {
          action,
          targetType: 'staff-account',
          targetId: before.id,
          agencyId: before.agency_id,
          details: { username: before.username, ...details },
        });
      }
      if (next.disabled_at !== null || passwordHash !== undefined) await revokeSessions(manager, before.id, now);
      const told = emailChanged || next.role !== before.role || (next.disabled_at === null) !== (before.disabled_at === null);
      if (told) await this.recordContact(manager, updated[0]);
      return this.toView(updated[0]);
    });
  }

  /** The account for a username and password, or undefined; as slow for unknown usernames as for known ones. */
  async authenticate(username: string, password: string): Promise<StaffAccountRow | undefined> {
    const rows: StaffAccountRow[] = await this.dataSource.query(
      `SELECT s.* FROM staff_accounts s JOIN agencies a ON a.id = s.agency_id WHERE s.username = $1`,
      [username.trim().toLowerCase()],
    );
    const row = rows[0];
    if (!row) return verifyAgainstNothing(password).then(() => undefined);
    if (!(await verifyPassword(row.password_hash, password))) return undefined;
    return row;
  }

  /** Usable for signing in: enabled, of an active agency. */
  async isActive(manager: EntityManager, accountId: string): Promise<StaffAccountRow | undefined> {
    const rows: StaffAccountRow[] = await manager.query(
      `SELECT s.* FROM staff_accounts s JOIN agencies a ON a.id = s.agency_id
        WHERE s.id = $1 AND s.disabled_at IS NULL AND a.active`,
      [accountId],
    );
    return rows[0];
  }

  async recordSignIn(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query('UPDATE staff_accounts SET last_sign_in_at = $2 WHERE id = $1', [accountId, this.clock.now()]);
  }

  /** The caller changes their own password, knowing the current one; every session ends. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const rows: StaffAccountRow[] = await this.dataSource.query('SELECT * FROM staff_accounts WHERE id = $1', [actor.userId]);
    const account = rows[0];
    if (!account || !(await verifyPassword(account.password_hash, currentPassword))) {
      throw problem('unprocessable', {
        detail: 'The current password is wrong.',
        errors: [{ field: 'currentPassword', rule: 'matches', message: 'currentPassword is wrong' }],
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.query('UPDATE staff_accounts SET password_hash = $2, updated_at = $3 WHERE id = $1', [account.id, passwordHash, now]);
      await revokeSessions(manager, account.id, now);
      await this.audit.record(manager, actor, {
        action: 'account.password-changed',
        targetType: 'staff-account',
        targetId: account.id,
        agencyId: account.agency_id,
        details: { username: account.username },
      });
    });
  }

  /** Tells the notification service how to reach the account (internal: it carries the address). */
  private async recordContact(manager: EntityManager, row: StaffAccountRow): Promise<void> {
    await this.outbox.add(
      manager,
      StaffContactRecordedV1.contract,
      {
        accountId: row.id,
        agencyId: row.agency_id,
        role: row.role,
        email: openEmail(this.emailCipher, row.email),
        disabled: row.disabled_at !== null,
        recordedAt: row.updated_at.toISOString(),
      },
      { aggregateId: `staff-account/${row.id}` },
    );
  }

  private toView(row: StaffAccountRow): StaffAccountView {
    const email = openEmail(this.emailCipher, row.email);
    return {
      id: row.id,
      username: row.username,
      displayName: openDisplayName(this.emailCipher, row.display_name),
      role: row.role,
      agencyId: row.agency_id,
      email: email === null ? null : maskEmail(email),
      disabled: row.disabled_at !== null,
      lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private async requireAgency(agencyId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId]);
    if (rows.length === 0) throw notFound(`agency ${agencyId}`);
  }
}

async function revokeSessions(manager: EntityManager, accountId: string, now: Date): Promise<void> {
  await manager.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE account_kind = 'staff' AND account_id = $1 AND revoked_at IS NULL`, [
    accountId,
    now,
  ]);
}

const REFUSAL_BY_STATUS = { 403: 'not-allowed', 409: 'conflict', 422: 'unprocessable' } as const;

function violation(refusal: RuleViolation): ProblemException {
  return problem(REFUSAL_BY_STATUS[refusal.status], {
    detail: refusal.detail,
    ...(refusal.field ? { errors: [{ field: refusal.field, rule: 'accountRule', message: refusal.detail }] } : {}),
  });
}
