import type { EntityManager } from 'typeorm';
import type { ApplicationSelectedV2, PromotionCauseV2 } from '@openday/contracts';

/** Who applied for which open day and session, as every vetting event names them. */
export type ApplicantRef = Pick<ApplicationSelectedV2, 'applicationId' | 'personId' | 'openDayId' | 'sessionId'>;

export type Standing = 'selected' | 'waitlisted' | 'rejected' | 'withdrawn';

export interface ApplicantStanding {
  applicationId: string;
  personId: string;
  sessionId: string;
  standing: Standing;
  promotionCause: PromotionCauseV2 | null;
}

const COLUMNS = `application_id AS "applicationId", person_id AS "personId", session_id AS "sessionId", standing, promotion_cause AS "promotionCause"`;

/** One of vetting's decisions about an applicant. */
export interface Decision {
  ref: ApplicantRef;
  standing: Exclude<Standing, 'withdrawn'>;
  decidedAt: string;
  promotionCause?: PromotionCauseV2 | null;
}

/**
 * Records vetting's latest decisions about applicants, in one statement (one decision per
 * applicant: the caller's batch names each person once). The decisions come on several
 * streams (selected is public, rejected and waitlisted internal), so the one decided last
 * wins, not the one delivered last.
 */
export async function recordStandings(manager: EntityManager, decisions: readonly Decision[]): Promise<void> {
  if (decisions.length === 0) return;
  await manager.query(
    `INSERT INTO notification_applicants (application_id, person_id, open_day_id, session_id, standing, promotion_cause, decided_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[])
     ON CONFLICT (application_id, person_id) DO UPDATE SET session_id = EXCLUDED.session_id, standing = EXCLUDED.standing,
       promotion_cause = EXCLUDED.promotion_cause, decided_at = EXCLUDED.decided_at
     WHERE notification_applicants.decided_at <= EXCLUDED.decided_at AND notification_applicants.standing <> 'withdrawn'`,
    [
      decisions.map((d) => d.ref.applicationId),
      decisions.map((d) => d.ref.personId),
      decisions.map((d) => d.ref.openDayId),
      decisions.map((d) => d.ref.sessionId),
      decisions.map((d) => d.standing),
      decisions.map((d) => d.promotionCause ?? null),
      decisions.map((d) => d.decidedAt),
    ],
  );
}

/** The applicant withdrew (every person of a group application): nothing about the open day concerns them any more. */
export async function recordWithdrawal(manager: EntityManager, applicationId: string, withdrawnAt: string): Promise<void> {
  await manager.query(`UPDATE notification_applicants SET standing = 'withdrawn', promotion_cause = NULL, decided_at = $2 WHERE application_id = $1`, [
    applicationId,
    withdrawnAt,
  ]);
}

export async function waitlistedOf(manager: EntityManager, openDayId: string): Promise<ApplicantStanding[]> {
  return (await manager.query(`SELECT ${COLUMNS} FROM notification_applicants WHERE open_day_id = $1 AND standing = 'waitlisted' ORDER BY person_id`, [
    openDayId,
  ])) as ApplicantStanding[];
}

/** The key of a person's standing for an open day in the map selectionsOf answers. */
export const personOnOpenDay = (personId: string, openDayId: string) => `${personId.toLowerCase()}:${openDayId.toLowerCase()}`;

/** Each person's selection for the open day, where vetting's selected event has arrived, in one query (keyed by personOnOpenDay). */
export async function selectionsOf(
  manager: EntityManager,
  wanted: ReadonlyArray<{ personId: string; openDayId: string }>,
): Promise<Map<string, ApplicantStanding>> {
  if (wanted.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT ${COLUMNS}, open_day_id AS "openDayId" FROM notification_applicants
      WHERE (person_id, open_day_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND standing = 'selected'`,
    [wanted.map((w) => w.personId), wanted.map((w) => w.openDayId)],
  )) as Array<ApplicantStanding & { openDayId: string }>;
  return new Map(rows.map(({ openDayId, ...standing }) => [personOnOpenDay(standing.personId, openDayId), standing]));
}
