import type { EntityManager } from 'typeorm';
import type { ApplicationSubmittedV1 } from '@openday/contracts';

/** What vetting already knows of an arriving person. */
export interface ApplicantHistory {
  /** This person of this application was already screened (a redelivery). */
  known: boolean;
  /** The withdrawal of this application came first (it travels on another stream). */
  withdrawn: boolean;
  /**
   * The person's other active applications to this open day. Registration takes one active
   * application per person and open day, so a newer submission proves an earlier application
   * was withdrawn, even when the withdrawal has not arrived yet; an application of theirs that
   * came after this one makes this the stale one (a late replay), a duplicate.
   */
  otherApplications: Array<{ applicationId: string; arrivalSequence: number }>;
  /** Dates of the open days the person failed to attend (the no-show register). */
  noShowDates: string[];
}

/** What vetting knows of each arriving person, in the order given, in one round trip. */
export async function applicantHistories(manager: EntityManager, arrivals: readonly ApplicationSubmittedV1[]): Promise<ApplicantHistory[]> {
  return manager.query(
    `SELECT EXISTS (SELECT 1 FROM vetting_applicants WHERE person_id = a.person_id) AS known,
            EXISTS (SELECT 1 FROM vetting_withdrawals WHERE application_id = a.application_id) AS withdrawn,
            COALESCE((SELECT json_agg(json_build_object('applicationId', o.application_id, 'arrivalSequence', o.arrival_sequence))
                        FROM (SELECT DISTINCT application_id, arrival_sequence FROM vetting_applicants
                               WHERE open_day_id = a.open_day_id AND person_key = a.person_key AND status <> 'withdrawn') o), '[]'::json) AS "otherApplications",
            COALESCE((SELECT json_agg(event_date::text) FROM no_show_register WHERE person_key = a.person_key), '[]'::json) AS "noShowDates"
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::char(64)[]) WITH ORDINALITY AS a(person_id, application_id, open_day_id, person_key, position)
      ORDER BY a.position`,
    // Person keys as char(64), the columns' type, so their indexes serve the lookups.
    [arrivals.map((a) => a.personId), arrivals.map((a) => a.applicationId), arrivals.map((a) => a.openDayId), arrivals.map((a) => a.personKey)],
  );
}
