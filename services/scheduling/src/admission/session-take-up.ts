import type { DataSource, EntityManager } from 'typeorm';

export interface SessionCounts {
  applied: number;
  selected: number;
}

/**
 * How many people applied for, and were selected to, each session of the given
 * open days, from admission's copy of registration's and vetting's events:
 * withdrawn applications do not count, each member of a group does. The copy
 * follows the events, so it may lag them by the consumers' delay.
 */
export async function sessionTakeUp(db: DataSource | EntityManager, openDayIds: readonly string[]): Promise<Map<string, SessionCounts>> {
  if (openDayIds.length === 0) return new Map();
  const rows = (await db.query(
    `SELECT p.session_id,
            count(*)::int AS applied,
            count(*) FILTER (WHERE p.selected_at IS NOT NULL)::int AS selected
       FROM admission_people p
      WHERE p.open_day_id = ANY($1::uuid[])
        AND p.session_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM admission_withdrawals w WHERE w.application_id = p.application_id)
      GROUP BY p.session_id`,
    [openDayIds],
  )) as Array<{ session_id: string; applied: number; selected: number }>;
  return new Map(rows.map((row) => [row.session_id, { applied: row.applied, selected: row.selected }]));
}
