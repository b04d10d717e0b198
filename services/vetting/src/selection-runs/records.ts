import type { ApplicantCategory, PromotionCauseV2, PublishedDraw, SelectionCompletedV1, SelectionMode, VettingApplicantView } from '@openday/contracts';
import type { AllocationPlan, SelectionState } from '@openday/domain';
import { lotteryAlgorithm, type LotteryRecipe } from '../selection/lottery';
import type { StoredCommitment } from './lottery-commitments';

/** Vetting's copy of a published open day. */
export interface OpenDayRecord {
  id: string;
  agencyId: string;
  title: string;
  selectionMode: SelectionMode;
  quotas: Array<{ category: ApplicantCategory; places: number }>;
  minOrdinaryShare: number;
  mediaOutsideQuota: boolean;
  minAge: number;
  maxAge: number | null;
  districts: string[];
  registrationClosesAt: Date;
  coSigningDepartments: string[];
  status: 'published' | 'cancelled';
  registrationClosed: boolean;
}

export interface SessionRecord {
  id: string;
  openDayId: string;
  date: string;
  capacity: number;
  /** Media on top of the capacity as the plan sets them; null for sessions published before plans did (open-day-published v2). */
  mediaPlaces: number | null;
  state: SelectionState;
  completedAt: Date | null;
  shortfall: unknown;
  lotterySeed: string | null;
  drawOrder: string[] | null;
  /** The recipe the session's draw followed; null before a draw. */
  lotteryRecipe: LotteryRecipe | null;
  /** Recipe 2: the hash of the entry list the seed was derived from. */
  entryListHash: string | null;
  notice: { representatives: unknown[]; publishedAt: string } | null;
  noticeRevision: number;
  /** When a change removed the session; null while it is held. */
  removedAt: Date | null;
}

type DrawnSession = Pick<SessionRecord, 'lotterySeed' | 'drawOrder' | 'lotteryRecipe' | 'entryListHash'>;

/**
 * The session's lottery as the result and the public notice publish it, with the open day's
 * commitment (`commitment`) for recipe 2; null before a draw.
 */
export function publishedDraw(session: DrawnSession, commitment: StoredCommitment | undefined): PublishedDraw | null {
  if (!session.lotterySeed || !session.drawOrder) return null;
  const recipe = session.lotteryRecipe ?? 1;
  const committed = recipe === 2 && commitment ? commitment : undefined;
  return {
    recipe,
    algorithm: lotteryAlgorithm(recipe),
    commitment: committed?.commitment ?? null,
    committedAt: committed?.committedAt.toISOString() ?? null,
    secret: committed?.secret ?? null,
    entryListHash: recipe === 2 ? session.entryListHash : null,
    seed: session.lotterySeed,
    drawnOrder: session.drawOrder,
  };
}

/** The lottery as selection-completed v1 carries it: seed, recipe text and drawn order (lottery-revealed carries the rest). */
export function completedDraw(session: DrawnSession): SelectionCompletedV1['lottery'] {
  if (!session.lotterySeed || !session.drawOrder) return null;
  return { seed: session.lotterySeed, algorithm: lotteryAlgorithm(session.lotteryRecipe ?? 1), drawnOrder: session.drawOrder };
}

export type ApplicantStatus = 'eligible' | 'selected' | 'waitlisted' | 'rejected' | 'withdrawn';

export interface ApplicantRecord {
  personId: string;
  applicationId: string;
  openDayId: string;
  sessionId: string;
  personKey: string;
  maskedName: string;
  maskedIdNumber: string;
  category: ApplicantCategory;
  district: string;
  arrivalSequence: number;
  arrivalOrder: number;
  status: ApplicantStatus;
  awaitingJointReview: boolean;
  reasonCode: string | null;
  reasons: Array<{ code: string; zh: string; en: string }>;
  waitlistPosition: number | null;
  promotion: { cause: PromotionCauseV2; fromWaitlistPosition: number } | null;
  note: string | null;
}

export const OPEN_DAY_COLUMNS = `
  id, agency_id AS "agencyId", title, selection_mode AS "selectionMode", quotas,
  min_ordinary_share AS "minOrdinaryShare", media_outside_quota AS "mediaOutsideQuota",
  min_age AS "minAge", max_age AS "maxAge", districts, registration_closes_at AS "registrationClosesAt",
  co_signing_departments AS "coSigningDepartments", status, registration_closed AS "registrationClosed"`;

export const SESSION_COLUMNS = `
  id, open_day_id AS "openDayId", date::text AS date, capacity, media_places AS "mediaPlaces", state, completed_at AS "completedAt",
  shortfall, lottery_seed AS "lotterySeed", draw_order AS "drawOrder", lottery_recipe AS "lotteryRecipe", entry_list_hash AS "entryListHash", notice, notice_revision AS "noticeRevision", removed_at AS "removedAt"`;

export const APPLICANT_COLUMNS = `
  person_id AS "personId", application_id AS "applicationId", open_day_id AS "openDayId", session_id AS "sessionId",
  person_key AS "personKey", masked_name AS "maskedName", masked_id_number AS "maskedIdNumber", category, district,
  arrival_sequence::int AS "arrivalSequence", arrival_order::int AS "arrivalOrder", status,
  awaiting_joint_review AS "awaitingJointReview", reason_code AS "reasonCode", reasons,
  waitlist_position AS "waitlistPosition", promotion, note`;

/**
 * The rules a session's places are allocated by: its own media places, or, for a session published
 * before plans set them, the deployment's setting (`settingMediaPlaces`).
 */
export function planOf(openDay: OpenDayRecord, session: { capacity: number; mediaPlaces?: number | null }, settingMediaPlaces: number): AllocationPlan {
  return {
    capacity: session.capacity,
    quotas: openDay.quotas,
    minOrdinaryShare: openDay.minOrdinaryShare,
    mediaOutsideQuota: openDay.mediaOutsideQuota,
    mediaPlacesOutsideQuota: session.mediaPlaces ?? settingMediaPlaces,
  };
}

export function applicantView(row: ApplicantRecord): VettingApplicantView {
  return {
    personId: row.personId,
    applicationId: row.applicationId,
    sessionId: row.sessionId,
    maskedName: row.maskedName,
    maskedIdNumber: row.maskedIdNumber,
    category: row.category,
    district: row.district,
    arrivalOrder: row.arrivalOrder,
    arrivalSequence: row.arrivalSequence,
    status: row.status,
    awaitingJointReview: row.awaitingJointReview,
    reasonCode: row.reasonCode,
    reasons: row.reasons,
    waitlistPosition: row.waitlistPosition,
    note: row.note,
  };
}

/** What the settings of a deployment say; tests pass their own. */
export interface VettingSettings {
  /** Media places of sessions published before plans set them per session (open-day-published v2). */
  mediaPlacesOutsideQuota: number;
  noShowLookBackMonths: number;
  /** How long an application may wait for its session before it is flagged to the city office. */
  parkedArrivalFlagAfterMinutes: number;
  /** How long a first-come arrival waits for earlier submissions still on their way before its session's arrivals are decided. */
  firstComeSettleMs: number;
}
export const VETTING_SETTINGS = Symbol('VETTING_SETTINGS');
