import type { EntityManager } from 'typeorm';
import type { PersonOutcome } from './selection-outcome';

/**
 * Stores the outcomes (one per person) in one statement; an older decision than the one stored
 * changes nothing, so one arriving late never overwrites a later one.
 */
export async function recordOutcomes(manager: EntityManager, outcomes: readonly PersonOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await manager.query(
    `UPDATE application_people p
        SET selection_outcome = o.outcome, selection_reason = o.reason_code, waitlist_position = o.waitlist_position, selection_decided_at = o.decided_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[]) AS o(person_id, outcome, reason_code, waitlist_position, decided_at)
      WHERE p.id = o.person_id AND (p.selection_decided_at IS NULL OR p.selection_decided_at <= o.decided_at)`,
    [
      outcomes.map((o) => o.personId),
      outcomes.map((o) => o.outcome),
      outcomes.map((o) => o.reasonCode),
      outcomes.map((o) => o.waitlistPosition),
      outcomes.map((o) => o.decidedAt),
    ],
  );
}
