import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, Page } from '@openday/contracts';
import { Clock, keysetCursor, problem } from '@openday/platform';
import { notFound } from '../access/agency-scope';
import { AuditService } from '../audit/audit.service';
import { CITY_OFFICE_AGENCY_ID, type AgencyKind } from './agency-kinds';
import type { AgencyView, CreateAgencyRequest, ListAgenciesQuery, UpdateAgencyRequest } from './agency.dto';

const AGENCY_PAGES = keysetCursor('agency', ['text']);

interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  district: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** The agencies directory; the city office manages it, anyone may read it. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** `actor` undefined: the system (the seed). */
  async create(actor: Actor | undefined, request: CreateAgencyRequest): Promise<AgencyView> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const rows: AgencyRow[] = await manager.query(
        `INSERT INTO agencies (id, name, kind, district, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, true, $5, $5)
         ON CONFLICT DO NOTHING
         RETURNING *`,
        [request.id, request.name.trim(), request.kind, request.district ?? null, now],
      );
      if (rows.length === 0) {
        throw problem('agency-exists', { detail: `An agency with the code ${request.id} or the name ${request.name.trim()} exists already.` });
      }
      const view = toView(rows[0]);
      await this.audit.record(manager, actor, {
        action: 'agency.created',
        targetType: 'agency',
        targetId: view.id,
        agencyId: view.id,
        details: { name: view.name, kind: view.kind, district: view.district },
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, request: UpdateAgencyRequest): Promise<AgencyView> {
    if (id === CITY_OFFICE_AGENCY_ID && request.active === false) {
      throw problem('conflict', { detail: 'The city office agency cannot be deactivated.' });
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      if (!before) throw notFound(`agency ${id}`);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const next = { ...before };
      for (const field of ['name', 'kind', 'district', 'active'] as const) {
        const value = request[field];
        if (value === undefined || value === before[field]) continue;
        changes[field] = { from: before[field], to: value };
        (next as Record<string, unknown>)[field] = field === 'name' ? String(value).trim() : value;
      }
      if (Object.keys(changes).length === 0) return toView(before);
      const [updated] = (await manager
        .query(
          `UPDATE agencies SET name = $2, kind = $3, district = $4, active = $5, updated_at = $6 WHERE id = $1 RETURNING *`,
          [id, next.name, next.kind, next.district, next.active, this.clock.now()],
        )
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw problem('agency-exists', { detail: `An agency named ${next.name} exists already.` });
          throw err;
        })) as [AgencyRow[], number];
      const action = changes.active ? (next.active ? 'agency.activated' : 'agency.deactivated') : 'agency.updated';
      await this.audit.record(manager, actor, { action, targetType: 'agency', targetId: id, agencyId: id, details: changes });
      if (changes.active && !next.active) {
        // Staff of a deactivated agency are signed out everywhere (access tokens stop at the guard).
        await manager.query(
          `UPDATE refresh_tokens SET revoked_at = $2
            WHERE revoked_at IS NULL AND account_kind = 'staff'
              AND account_id IN (SELECT id FROM staff_accounts WHERE agency_id = $1)`,
          [id, this.clock.now()],
        );
      }
      return toView(updated[0]);
    });
  }

  async get(id: string): Promise<AgencyView> {
    const row = await this.find(this.dataSource.manager, id, false);
    if (!row) throw notFound(`agency ${id}`);
    return toView(row);
  }

  async exists(manager: EntityManager, id: string): Promise<AgencyRow | undefined> {
    return this.find(manager, id, false);
  }

  /** By code, keyset-paginated. */
  async list(query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.cursor) {
      params.push(AGENCY_PAGES.read(query.cursor)[0]);
      where.push(`id > $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}`);
    }
    if (query.district) {
      params.push(query.district);
      where.push(`district = $${params.length}`);
    }
    params.push(limit + 1);
    const rows: AgencyRow[] = await this.dataSource.query(
      `SELECT * FROM agencies ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    const page = AGENCY_PAGES.page(rows, limit, (row) => [row.id]);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  private async find(manager: EntityManager, id: string, forUpdate: boolean): Promise<AgencyRow | undefined> {
    const rows: AgencyRow[] = await manager.query(`SELECT * FROM agencies WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0];
  }
}

function toView(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    district: row.district,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
