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

/**
 * Records vetting's latest decision about an applicant. The decisions come on several streams
 * (selected is public, rejected and waitlisted internal), so the one decided last wins, not the
 * one delivered last.
 */
export async function recordStanding(
  manager: EntityManager,
  ref: ApplicantRef,
  standing: Exclude<Standing, 'withdrawn'>,
  decidedAt: string,
  promotionCause: PromotionCauseV2 | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO notification_applicants (application_id, person_id, open_day_id, session_id, standing, promotion_cause, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (application_id, person_id) DO UPDATE SET session_id = $4, standing = $5, promotion_cause = $6, decided_at = $7
     WHERE notification_applicants.decided_at <= $7 AND notification_applicants.standing <> 'withdrawn'`,
    [ref.applicationId, ref.personId, ref.openDayId, ref.sessionId, standing, promotionCause, decidedAt],
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

/** The person's selection for the open day, if vetting's selected event has arrived. */
export async function selectionOf(manager: EntityManager, personId: string, openDayId: string): Promise<ApplicantStanding | undefined> {
  const [row] = (await manager.query(
    `SELECT ${COLUMNS} FROM notification_applicants WHERE person_id = $1 AND open_day_id = $2 AND standing = 'selected'`,
    [personId, openDayId],
  )) as ApplicantStanding[];
  return row;
}
