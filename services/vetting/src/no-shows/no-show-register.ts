import type { EntityManager } from 'typeorm';

/**
 * The no-show register screening reads, fed by scheduling's attendee-no-show events
 * (AttendeeNoShowSubscriber). One row per person, date and open day, so recording twice changes nothing.
 */
export async function recordNoShow(manager: EntityManager, record: { personKey: string; eventDate: string; openDayId?: string | null }): Promise<void> {
  await manager.query(
    `INSERT INTO no_show_register (person_key, event_date, open_day_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [record.personKey, record.eventDate, record.openDayId ?? null],
  );
}
