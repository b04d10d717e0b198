import type { EntityManager } from 'typeorm';

/** Titles of published open days, for messages whose cause event names only the open day. */
export async function recordOpenDayTitle(manager: EntityManager, openDayId: string, title: string): Promise<void> {
  await manager.query(`INSERT INTO notification_open_days (id, title) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET title = $2`, [openDayId, title]);
}

export async function openDayTitle(manager: EntityManager, openDayId: string): Promise<string | null> {
  const [row] = (await manager.query(`SELECT title FROM notification_open_days WHERE id = $1`, [openDayId])) as Array<{ title: string }>;
  return row?.title ?? null;
}
