import type { EntityManager } from 'typeorm';

/**
 * The no-show register screening reads. Scheduling's attendee-no-show events will feed it;
 * until they exist, `recordNoShow` is how rows get in (tests, and the future handler).
 */
export async function recordNoShow(manager: EntityManager, record: { personKey: string; eventDate: string; openDayId?: string | null }): Promise<void> {
  await manager.query(
    `INSERT INTO no_show_register (person_key, event_date, open_day_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [record.personKey, record.eventDate, record.openDayId ?? null],
  );
}
