import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, Role } from '@openday/contracts';
import type { AccessClaims } from './access-tokens';

/**
 * The caller as the gateway's database knows them now: a disabled account, an
 * account of a deactivated agency, or a changed role takes effect on the next
 * request, not when the access token expires.
 */
@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(claims: Pick<AccessClaims, 'sub' | 'kind'>): Promise<Actor | undefined> {
    if (claims.kind === 'citizen') {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        'SELECT id FROM citizens WHERE id = $1 AND disabled_at IS NULL',
        [claims.sub],
      );
      return rows[0] ? { userId: rows[0].id, role: 'citizen' } : undefined;
    }
    const rows: Array<{ id: string; role: Role; agency_id: string }> = await this.dataSource.query(
      `SELECT s.id, s.role, s.agency_id
         FROM staff_accounts s JOIN agencies a ON a.id = s.agency_id
        WHERE s.id = $1 AND s.disabled_at IS NULL AND a.active`,
      [claims.sub],
    );
    const row = rows[0];
    return row ? { userId: row.id, role: row.role, agencyId: row.agency_id } : undefined;
  }
}
