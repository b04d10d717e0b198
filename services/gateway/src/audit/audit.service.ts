import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, Page } from '@openday/contracts';
import { currentCorrelation } from '@openday/messaging';
import { Clock, keysetCursor } from '@openday/platform';
import { PERSONAL_DATA_READ, type PersonalDataList, type PersonalDataReadRecord } from './personal-data-reads';

/** One privileged action: who did what to which target, when, in which request. */
export interface AuditRecord {
  /** Dotted past tense: `account.created`, `account.role-changed`, `plan.approved`, `applications.exported`… */
  action: string;
  targetType: string;
  targetId: string;
  /** The agency the target belongs to, when it belongs to one. */
  agencyId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actor: { userId: string; role: string; agencyId: string | null } | null;
  action: string;
  targetType: string;
  targetId: string;
  agencyId: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  cursor?: string;
  limit?: number;
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  agencyId?: string;
  /** Staff reads of personal data of one list (`applicants`, `roster`, ...). */
  list?: PersonalDataList;
}

/** A staff read as the citizen sees it: which agency, when, what; never who by name. */
export interface PersonalDataAccess {
  readAt: string;
  agencyId: string | null;
  agencyName: string | null;
  list: PersonalDataList;
  openDayId: string | null;
  sessionId: string | null;
  /** How many people the list held. */
  people: number;
}

/** A repeated read of the same list by the same person within this time, covering no new people, is not recorded again. */
const REPEATED_READ_WINDOW_MS = 10 * 60 * 1000;
const MAX_ACCESS_ENTRIES = 500;

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  agency_id: string | null;
  correlation_id: string | null;
  details: Record<string, unknown>;
}

const DEFAULT_PAGE_SIZE = 50;
const AUDIT_PAGES = keysetCursor('audit', ['sequence']);

/**
 * The audit log of privileged actions, append-only (a trigger refuses updates
 * and deletes). Record inside the transaction of the change itself when the
 * change is the gateway's own; the @Audited interceptor records actions other
 * services perform once they succeed.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `actor` undefined: the system itself (the seed command, a timer). */
  async record(manager: EntityManager | undefined, actor: Actor | undefined, record: AuditRecord): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_log (occurred_at, actor_id, actor_role, actor_agency_id, action, target_type, target_id, agency_id, correlation_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        this.clock.now(),
        actor?.userId ?? null,
        actor?.role ?? null,
        actor?.agencyId ?? null,
        record.action,
        record.targetType,
        record.targetId,
        record.agencyId ?? null,
        currentCorrelation()?.correlationId ?? null,
        record.details ?? {},
      ],
    );
  }

  /**
   * A staff read of personal data, recorded with the people in the answer (their person ids).
   * A console refreshing a live list writes one entry, not one every few seconds: the same
   * reader, list and target within REPEATED_READ_WINDOW_MS covering no new person is skipped.
   */
  async recordPersonalDataRead(actor: Actor | undefined, read: PersonalDataReadRecord): Promise<void> {
    const personIds = [...new Set(read.personIds)];
    if (actor) {
      const repeated: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM audit_log
          WHERE actor_id = $1 AND action = $2 AND target_id = $3 AND details->>'list' = $4 AND occurred_at > $5
            AND details->'personIds' @> $6::jsonb
          LIMIT 1`,
        [actor.userId, PERSONAL_DATA_READ, read.targetId, read.list, new Date(this.clock.now().getTime() - REPEATED_READ_WINDOW_MS), JSON.stringify(personIds)],
      );
      if (repeated.length > 0) return;
    }
    await this.record(undefined, actor, {
      action: PERSONAL_DATA_READ,
      targetType: read.targetType,
      targetId: read.targetId,
      agencyId: read.agencyId ?? null,
      details: {
        list: read.list,
        ...(read.openDayId ? { openDayId: read.openDayId } : {}),
        ...(read.sessionId ? { sessionId: read.sessionId } : {}),
        people: personIds.length,
        personIds,
      },
    });
  }

  /** The staff reads whose answer held any of these people, newest first, with the reading agency (not the reader). */
  async readsOf(personIds: readonly string[]): Promise<PersonalDataAccess[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ occurred_at: Date; agency_id: string | null; agency_name: string | null; details: Record<string, unknown> }> = await this.dataSource.query(
      `SELECT l.occurred_at, l.actor_agency_id AS agency_id, a.name AS agency_name, l.details
         FROM audit_log l LEFT JOIN agencies a ON a.id = l.actor_agency_id
        WHERE l.action = $1 AND l.details->'personIds' ?| $2::text[]
        ORDER BY l.id DESC LIMIT $3`,
      [PERSONAL_DATA_READ, personIds, MAX_ACCESS_ENTRIES],
    );
    return rows.map((row) => ({
      readAt: row.occurred_at.toISOString(),
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      list: row.details.list as PersonalDataList,
      openDayId: (row.details.openDayId as string | undefined) ?? null,
      sessionId: (row.details.sessionId as string | undefined) ?? null,
      people: Number(row.details.people ?? 0),
    }));
  }

  /** Newest first, keyset-paginated on the entry id. */
  async list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.cursor !== undefined) add('id < ?', AUDIT_PAGES.read(query.cursor)[0]);
    if (query.action) add('action = ?', query.action);
    if (query.actorId) add('actor_id = ?', query.actorId);
    if (query.targetType) add('target_type = ?', query.targetType);
    if (query.targetId) add('target_id = ?', query.targetId);
    if (query.agencyId) add('agency_id = ?', query.agencyId);
    if (query.list) add("details->>'list' = ?", query.list);
    params.push(limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const page = AUDIT_PAGES.page(rows, limit, (row) => [row.id]);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }
}

function toView(row: AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor_id ? { userId: row.actor_id, role: row.actor_role ?? '', agencyId: row.actor_agency_id } : null,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    agencyId: row.agency_id,
    correlationId: row.correlation_id,
    details: row.details,
  };
}
