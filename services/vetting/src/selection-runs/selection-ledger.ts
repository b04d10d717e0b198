import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APPLICANT_CATEGORIES,
  ApplicationRejectedV1,
  ApplicationRejectedV2,
  ApplicationSelectedV1,
  ApplicationSelectedV2,
  ApplicationWaitlistedV1,
  ApplicationWaitlistedV2,
  PublicNoticePublishedV1,
  SelectionCompletedV1,
  selectedV1Of,
  type NoticedRepresentative,
  type PromotionCauseV2,
} from '@openday/contracts';
import { Outbox, type OutboxEvent } from '@openday/messaging';
import { ordinaryShortfall, type SelectionState } from '@openday/domain';
import { Clock } from '@openday/platform';
import {
  APPLICANT_COLUMNS,
  OPEN_DAY_COLUMNS,
  SESSION_COLUMNS,
  type ApplicantRecord,
  type ApplicantStatus,
  type OpenDayRecord,
  completedDraw,
  type SessionRecord,
} from './records';

/** What screening an arrival needs of its session. */
export type ArrivalSession = Pick<SessionRecord, 'id' | 'openDayId' | 'date' | 'removedAt' | 'completedAt'>;

type Standing =
  | { status: 'selected'; outsideQuota: boolean }
  | { status: 'waitlisted'; position: number; reason: string }
  | { status: 'rejected'; reason: string };

/** Where each person stands in a selection state. */
export function standings(state: SelectionState): Map<string, Standing> {
  const map = new Map<string, Standing>();
  for (const c of state.selected) map.set(c.applicationId, { status: 'selected', outsideQuota: false });
  for (const c of state.selectedOutsideQuota) map.set(c.applicationId, { status: 'selected', outsideQuota: true });
  state.waitlisted.forEach((entry, index) => map.set(entry.candidate.applicationId, { status: 'waitlisted', position: index + 1, reason: entry.reason }));
  for (const r of state.rejected) map.set(r.candidate.applicationId, { status: 'rejected', reason: r.reason });
  return map;
}

/**
 * Reads and writes the selection state of sessions and turns each change of it into the
 * applicants' rows and the events, in the caller's transaction. The pure core decides; this
 * records. Selection candidates are the people of applications: a candidate's
 * `applicationId` in the core holds the person id (a group application has several people).
 */
@Injectable()
export class SelectionLedger {
  constructor(
    private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * The open day; `lock` serialises whoever rewrites it. NO KEY UPDATE, so an applicant's row
   * (whose foreign key takes KEY SHARE on it) can still be written under a session's lock meanwhile.
   */
  async openDay(manager: EntityManager, id: string, lock = false): Promise<OpenDayRecord | undefined> {
    const rows: OpenDayRecord[] = await manager.query(`SELECT ${OPEN_DAY_COLUMNS} FROM vetting_open_days WHERE id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`, [id]);
    return rows[0];
  }

  /**
   * The session's selection state row, locked for the rest of the transaction against whoever
   * changes its selection. NO KEY UPDATE, so arrivals (KEY SHARE) are stored meanwhile; a change
   * of the session itself locks it FOR UPDATE (`sessions`), which waits for them.
   */
  async lockSession(manager: EntityManager, id: string): Promise<SessionRecord> {
    const rows: SessionRecord[] = await manager.query(`SELECT ${SESSION_COLUMNS} FROM vetting_sessions WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    if (!rows[0]) throw new Error(`No session ${id}`);
    return rows[0];
  }

  /**
   * The sessions' dates and whether a change removed them or their selection is complete, locked
   * (KEY SHARE) against a change of the session, not against decisions; a session vetting does
   * not know is missing from the answer.
   */
  async shareSessions(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ArrivalSession>> {
    const rows = (await manager.query(
      `SELECT id, open_day_id AS "openDayId", date::text AS date, removed_at AS "removedAt", completed_at AS "completedAt"
         FROM vetting_sessions WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`,
      [[...new Set(ids)]],
    )) as ArrivalSession[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  async openDays(manager: EntityManager, ids: readonly string[]): Promise<Map<string, OpenDayRecord>> {
    const rows = (await manager.query(`SELECT ${OPEN_DAY_COLUMNS} FROM vetting_open_days WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]])) as OpenDayRecord[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  async sessions(manager: EntityManager, openDayId: string, lock = false): Promise<SessionRecord[]> {
    return manager.query(`SELECT ${SESSION_COLUMNS} FROM vetting_sessions WHERE open_day_id = $1 AND removed_at IS NULL ORDER BY date, id ${lock ? 'FOR UPDATE' : ''}`, [openDayId]);
  }

  async applicants(manager: EntityManager, where: string, params: unknown[]): Promise<ApplicantRecord[]> {
    return manager.query(`SELECT ${APPLICANT_COLUMNS} FROM vetting_applicants WHERE ${where}`, params);
  }

  /**
   * Stores `after` as the session's state and records what changed since `before`: each
   * person newly selected, waitlisted or rejected gets their row updated and an event (a
   * selection waits for joint review where the open day names co-signing departments);
   * waiting-list positions follow silently. `groupReasons` (person id → the selection group's
   * own words) travel to the applicant on the internal v2 of waitlisted and rejected.
   */
  async record(
    manager: EntityManager,
    openDay: OpenDayRecord,
    session: SessionRecord,
    before: SelectionState,
    after: SelectionState,
    cause: PromotionCauseV2 = 'registration-closed',
    decidedBy: string | null = null,
    groupReasons: ReadonlyMap<string, string> = new Map(),
  ): Promise<void> {
    session.state = after;
    await manager.query(`UPDATE vetting_sessions SET state = $2 WHERE id = $1`, [session.id, JSON.stringify(after)]);
    const was = standings(before);
    const now = standings(after);
    const changed = [...now.entries()].filter(([id, standing]) => was.get(id)?.status !== standing.status);
    if (changed.length > 0) {
      const rows = new Map(
        (await this.applicants(manager, 'person_id = ANY($1::uuid[])', [changed.map(([id]) => id)])).map((row) => [row.personId, row]),
      );
      const at = this.clock.now();
      const jointReview = openDay.coSigningDepartments.length > 0;
      const updates: Array<{ id: string; status: ApplicantStatus; reason: string | null; awaiting: boolean; promotion: string | null }> = [];
      const events: OutboxEvent[] = [];
      for (const [personId, standing] of changed) {
        const row = rows.get(personId);
        if (!row) throw new Error(`Selection state names person ${personId}, who is not an applicant`);
        const earlier = was.get(personId);
        const promotion = standing.status === 'selected' && earlier?.status === 'waitlisted' ? { cause, fromWaitlistPosition: earlier.position } : null;
        if (standing.status === 'selected') {
          updates.push({ id: personId, status: 'selected', reason: null, awaiting: jointReview, promotion: promotion ? JSON.stringify(promotion) : null });
          if (!jointReview) events.push(...this.selectedEvents(openDay, row, standing.outsideQuota, promotion, [], at));
        } else if (standing.status === 'waitlisted') {
          updates.push({ id: personId, status: 'waitlisted', reason: standing.reason, awaiting: false, promotion: null });
          const waitlisted = { ...ref(row), category: row.category, position: standing.position, reasonCode: standing.reason, waitlistedAt: at.toISOString() };
          events.push(
            this.outbox.event(ApplicationWaitlistedV1.contract, waitlisted, { aggregateId: row.personId }),
            this.outbox.event(ApplicationWaitlistedV2.contract, { ...waitlisted, groupReason: groupReasons.get(personId) ?? null }, { aggregateId: row.personId }),
          );
        } else {
          updates.push({ id: personId, status: 'rejected', reason: standing.reason, awaiting: false, promotion: null });
          events.push(...this.rejectedEvents(row, standing.reason, [standing.reason], null, at, groupReasons.get(personId) ?? null));
        }
      }
      await this.outbox.addAll(manager, events);
      await manager.query(
        `UPDATE vetting_applicants a
            SET status = v.status, reason_code = v.reason, awaiting_joint_review = v.awaiting, promotion = v.promotion::jsonb,
                waitlist_position = NULL, decided_at = $6, decided_by = COALESCE($7, a.decided_by)
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[]) AS v(id, status, reason, awaiting, promotion)
          WHERE a.person_id = v.id`,
        [updates.map((u) => u.id), updates.map((u) => u.status), updates.map((u) => u.reason), updates.map((u) => u.awaiting), updates.map((u) => u.promotion), at, decidedBy],
      );
    }
    await this.renumberWaitlist(manager, after);
    if (session.completedAt) await this.publishNoticeIfFinal(manager, openDay, session);
  }

  async renumberWaitlist(manager: EntityManager, state: SelectionState): Promise<void> {
    const ids = state.waitlisted.map((entry) => entry.candidate.applicationId);
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE vetting_applicants a SET waitlist_position = v.position
         FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, position)
        WHERE a.person_id = v.id AND a.waitlist_position IS DISTINCT FROM v.position::int`,
      [ids],
    );
  }

  async announceSelected(
    manager: EntityManager,
    openDay: OpenDayRecord,
    row: ApplicantRecord,
    outsideQuota: boolean,
    promotion: ApplicantRecord['promotion'],
    signedBy: string[],
    at: Date,
  ): Promise<void> {
    await this.outbox.addAll(manager, this.selectedEvents(openDay, row, outsideQuota, promotion, signedBy, at));
  }

  private selectedEvents(
    openDay: OpenDayRecord,
    row: ApplicantRecord,
    outsideQuota: boolean,
    promotion: ApplicantRecord['promotion'],
    signedBy: string[],
    at: Date,
  ): OutboxEvent[] {
    const selected: ApplicationSelectedV2 = {
      ...ref(row),
      category: row.category,
      selectionMode: openDay.selectionMode,
      outsideQuota,
      promotion,
      signedBy,
      selectedAt: at.toISOString(),
    };
    return [
      this.outbox.event(ApplicationSelectedV1.contract, selectedV1Of(selected), { aggregateId: row.personId }),
      this.outbox.event(ApplicationSelectedV2.contract, selected, { aggregateId: row.personId }),
    ];
  }

  /** The public v1 for subscriber systems and, beside it, the internal v2 that also carries the selection group's words. */
  async announceRejected(
    manager: EntityManager,
    row: ApplicantReference,
    reasonCode: string,
    reasonCodes: string[],
    refusedBy: string | null,
    at: Date,
    groupReason: string | null = null,
  ): Promise<void> {
    await this.outbox.addAll(manager, this.rejectedEvents(row, reasonCode, reasonCodes, refusedBy, at, groupReason));
  }

  /** The rejection's events, to write with others in one statement. */
  rejectedEvents(row: ApplicantReference, reasonCode: string, reasonCodes: string[], refusedBy: string | null, at: Date, groupReason: string | null = null): OutboxEvent[] {
    const rejected = { ...ref(row), category: row.category, reasonCode, reasonCodes, refusedBy, rejectedAt: at.toISOString() };
    return [
      this.outbox.event(ApplicationRejectedV1.contract, rejected, { aggregateId: row.personId }),
      this.outbox.event(ApplicationRejectedV2.contract, { ...rejected, groupReason }, { aggregateId: row.personId }),
    ];
  }

  /** The session's selection is done: store the shortfall facts and publish selection-completed (and the notice, if final). */
  async complete(manager: EntityManager, openDay: OpenDayRecord, session: SessionRecord): Promise<void> {
    if (session.completedAt) return;
    const at = this.clock.now();
    const state = session.state;
    const shortfall = ordinaryShortfall(state);
    session.completedAt = at;
    session.shortfall = shortfall;
    await manager.query(`UPDATE vetting_sessions SET completed_at = $2, shortfall = $3 WHERE id = $1`, [session.id, at, JSON.stringify(shortfall)]);
    const [{ awaiting }] = (await manager.query(
      `SELECT count(*)::int AS awaiting FROM vetting_applicants WHERE session_id = $1 AND awaiting_joint_review`,
      [session.id],
    )) as Array<{ awaiting: number }>;
    const shortfallFacts = shortfall ? { required: shortfall.required, selectedOrdinary: shortfall.selectedOrdinary, placesTaken: shortfall.placesTaken, cause: shortfall.cause } : null;
    await this.outbox.add(
      manager,
      SelectionCompletedV1.contract,
      {
        openDayId: openDay.id,
        sessionId: session.id,
        agencyId: openDay.agencyId,
        selectionMode: openDay.selectionMode,
        capacity: session.capacity,
        placesTaken: state.selected.length,
        selectedOutsideQuota: state.selectedOutsideQuota.length,
        waitlisted: state.waitlisted.length,
        rejected: state.rejected.length,
        byCategory: byCategory(state),
        minOrdinaryShare: openDay.minOrdinaryShare,
        ordinaryShareMet: shortfall === null,
        shortfall: shortfallFacts,
        lottery: completedDraw(session),
        awaitingJointReview: awaiting,
        completedAt: at.toISOString(),
      },
      { aggregateId: session.id },
    );
    await this.publishNoticeIfFinal(manager, openDay, session);
  }

  /**
   * Once a completed session has no selection waiting for joint review, its selected
   * representatives are published for public notice, masked; again (a new revision) whenever
   * the list changes after that.
   */
  async publishNoticeIfFinal(manager: EntityManager, openDay: OpenDayRecord, session: SessionRecord): Promise<void> {
    const rows = await this.applicants(manager, `session_id = $1 AND status = 'selected'`, [session.id]);
    if (rows.some((row) => row.awaitingJointReview)) return;
    const order = new Map([...session.state.selected, ...session.state.selectedOutsideQuota].map((c, i) => [c.applicationId, i]));
    const outside = new Set(session.state.selectedOutsideQuota.map((c) => c.applicationId));
    const representatives: NoticedRepresentative[] = rows
      .sort((a, b) => (order.get(a.personId) ?? 0) - (order.get(b.personId) ?? 0))
      .map((row) => ({ maskedName: row.maskedName, maskedIdentity: row.maskedIdNumber, category: row.category, outsideQuota: outside.has(row.personId) }));
    if (session.notice && JSON.stringify(session.notice.representatives) === JSON.stringify(representatives)) return;
    const at = this.clock.now();
    const revision = session.noticeRevision + 1;
    session.notice = { representatives, publishedAt: at.toISOString() };
    session.noticeRevision = revision;
    await manager.query(`UPDATE vetting_sessions SET notice = $2, notice_revision = $3 WHERE id = $1`, [session.id, JSON.stringify(session.notice), revision]);
    await this.outbox.add(
      manager,
      PublicNoticePublishedV1.contract,
      { openDayId: openDay.id, sessionId: session.id, agencyId: openDay.agencyId, title: openDay.title, sessionDate: session.date, revision, representatives, publishedAt: at.toISOString() },
      { aggregateId: session.id },
    );
  }
}

export function byCategory(state: SelectionState): Array<{ category: (typeof APPLICANT_CATEGORIES)[number]; selected: number }> {
  return APPLICANT_CATEGORIES.map((category) => ({
    category,
    selected: [...state.selected, ...state.selectedOutsideQuota].filter((c) => c.category === category).length,
  })).filter((entry) => entry.selected > 0);
}

/** Who an event about an applicant names. */
export type ApplicantReference = Pick<ApplicantRecord, 'applicationId' | 'personId' | 'openDayId' | 'sessionId' | 'category'>;

function ref(row: ApplicantReference) {
  return { applicationId: row.applicationId, personId: row.personId, openDayId: row.openDayId, sessionId: row.sessionId };
}
