import type { EntityManager } from 'typeorm';
import type { ApplicationSubmittedV1 } from '@openday/contracts';

/** What vetting already knows of an arriving person, read in one round trip. */
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

export async function applicantHistory(manager: EntityManager, data: ApplicationSubmittedV1): Promise<ApplicantHistory> {
  const [history] = (await manager.query(
    `SELECT EXISTS (SELECT 1 FROM vetting_applicants WHERE person_id = $1) AS known,
            EXISTS (SELECT 1 FROM vetting_withdrawals WHERE application_id = $2) AS withdrawn,
            COALESCE((SELECT json_agg(json_build_object('applicationId', o.application_id, 'arrivalSequence', o.arrival_sequence))
                        FROM (SELECT DISTINCT application_id, arrival_sequence FROM vetting_applicants
                               WHERE open_day_id = $3 AND person_key = $4 AND status <> 'withdrawn') o), '[]'::json) AS "otherApplications",
            COALESCE((SELECT json_agg(event_date::text) FROM no_show_register WHERE person_key = $4), '[]'::json) AS "noShowDates"`,
    [data.personId, data.applicationId, data.openDayId, data.personKey],
  )) as ApplicantHistory[];
  return history;
}
