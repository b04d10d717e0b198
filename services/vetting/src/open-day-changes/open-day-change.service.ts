import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OpenDayChangedV2, TicketRevokedV1 } from '@openday/contracts';
import { release, replan, toCalendarDate, type SelectionState } from '@openday/domain';
import { screenApplicant } from '../screening';
import { SelectionLedger } from '../selection-runs/selection-ledger';
import { SESSION_CANCELLED, SelectionService } from '../selection-runs/selection.service';
import { planOf, VETTING_SETTINGS, type ApplicantRecord, type OpenDayRecord, type SessionRecord, type VettingSettings } from '../selection-runs/records';

type ChangedSession = OpenDayChangedV2['sessions'][number];

/** open-day-changed v2 gained media places after its first drafts: absent means none. */
const mediaPlacesOf = (session: ChangedSession): number => session.mediaPlaces ?? 0;

/** Why a person whose place the agency gave up, or whose ticket staff revoked, is no longer selected. */
export const PLACE_RELEASED = 'place-released';
export const TICKET_REVOKED = 'ticket-revoked';

/**
 * A published open day changed (scheduling's open-day-changed v2, the open day as it now is)
 * or staff revoked a ticket: each session's selection is rebuilt under its row lock, the lock
 * arrivals take. Removed sessions lose their applicants; released people leave without anyone
 * moving into their places; a new plan moves the waiting list up (replan) but never drops anyone
 * selected; a moved date or new eligibility screens everyone still in the running again.
 */
@Injectable()
export class OpenDayChangeService {
  private readonly logger = new Logger(OpenDayChangeService.name);

  constructor(
    private readonly ledger: SelectionLedger,
    private readonly selection: SelectionService,
    @Inject(VETTING_SETTINGS) private readonly settings: VettingSettings,
  ) {}

  async openDayChanged(manager: EntityManager, data: OpenDayChangedV2): Promise<void> {
    const before = await this.ledger.openDay(manager, data.openDayId, true);
    // Changes come on the publication's stream, after it: an unknown open day is an error, retried and then dead-lettered.
    if (!before) throw new Error(`Open day ${data.openDayId} of a change is not known to vetting`);
    if (before.status === 'cancelled') return;
    const { minAge, maxAge, districts } = data.eligibility;
    await manager.query(
      `UPDATE vetting_open_days SET title = $2, quotas = $3, min_ordinary_share = $4, min_age = $5, max_age = $6, districts = $7 WHERE id = $1`,
      [data.openDayId, data.title, JSON.stringify(data.quotas), data.minOrdinaryShare, minAge, maxAge, districts],
    );
    const openDay = (await this.ledger.openDay(manager, data.openDayId))!;
    const eligibilityChanged = before.minAge !== minAge || before.maxAge !== maxAge || [...before.districts].sort().join() !== [...districts].sort().join();
    const known = await this.ledger.sessions(manager, data.openDayId, true);
    const now = new Map(data.sessions.map((session) => [session.sessionId, session]));
    for (const session of known) {
      const changed = now.get(session.id);
      if (!changed) await this.removeSession(manager, session);
      else await this.changeSession(manager, before, openDay, session, changed, data.releases, eligibilityChanged);
    }
    const knownIds = new Set(known.map((session) => session.id));
    const added = data.sessions.filter((session) => !knownIds.has(session.sessionId)).map((session) => ({ ...session, mediaPlaces: mediaPlacesOf(session) }));
    await this.selection.addSessions(manager, openDay, added);
  }

  /**
   * Staff revoked a selected person's ticket: they leave and the first waiting who fits moves up
   * while the session is under capacity. Revocations for other reasons follow events vetting
   * already handles (withdrawal, cancellation, a removed session), and someone who has already
   * left (a released person) is not selected any more: nothing to do.
   */
  async ticketRevoked(manager: EntityManager, data: TicketRevokedV1): Promise<void> {
    if (data.reason !== 'revoked-by-staff') return;
    const [person] = await this.ledger.applicants(manager, 'person_id = $1', [data.personId]);
    // Every ticket holder was selected here, so an unknown person is an error worth retrying, then a dead letter.
    if (!person) throw new Error(`Person ${data.personId} of a revoked ticket is not known to vetting`);
    if (person.status !== 'selected') return;
    await this.selection.leave(manager, person, 'rejected', 'ticket-revoked', TICKET_REVOKED);
  }

  private async changeSession(
    manager: EntityManager,
    before: OpenDayRecord,
    openDay: OpenDayRecord,
    session: SessionRecord,
    changed: ChangedSession,
    releases: OpenDayChangedV2['releases'],
    eligibilityChanged: boolean,
  ): Promise<void> {
    const released = releases.filter((entry) => entry.sessionId === session.id).map((entry) => entry.personId);
    if (released.length > 0) await this.release(manager, openDay, session, released);
    const dateMoved = changed.date !== session.date;
    const mediaPlaces = mediaPlacesOf(changed);
    await manager.query(`UPDATE vetting_sessions SET date = $2, capacity = $3, media_places = $4 WHERE id = $1`, [session.id, changed.date, changed.capacity, mediaPlaces]);
    const oldPlan = planOf(before, session, this.settings.mediaPlacesOutsideQuota);
    session.capacity = changed.capacity;
    session.date = changed.date;
    session.mediaPlaces = mediaPlaces;
    const plan = planOf(openDay, session, this.settings.mediaPlacesOutsideQuota);
    if (JSON.stringify(plan) !== JSON.stringify(oldPlan)) {
      const undecided = openDay.selectionMode === 'selection-group' ? await this.undecided(manager, session.id) : [];
      const result = replan(session.state, plan, undecided);
      await this.ledger.record(manager, openDay, session, session.state, result.state, 'capacity-raised');
      if (result.overCapacity > 0) {
        this.logger.warn(`session ${session.id} keeps ${result.state.selected.length} selected over its new capacity of ${plan.capacity}; nobody moves up until places free below it`);
      }
    }
    if (dateMoved || eligibilityChanged) await this.screenAgain(manager, openDay, session);
  }

  /** The agency gave up these people's places: they leave (rejected), nobody moves up into them. They hear of it from their revoked ticket and the change. */
  private async release(manager: EntityManager, openDay: OpenDayRecord, session: SessionRecord, personIds: string[]): Promise<void> {
    const leaving = (await this.ledger.applicants(manager, `session_id = $1 AND person_id = ANY($2::uuid[]) AND status = 'selected'`, [session.id, personIds])).map(
      (row) => row.personId,
    );
    if (leaving.length === 0) return;
    await manager.query(
      `UPDATE vetting_applicants SET status = 'rejected', reason_code = $2, awaiting_joint_review = false, waitlist_position = NULL, decided_at = $3
        WHERE person_id = ANY($1::uuid[])`,
      [leaving, PLACE_RELEASED, this.ledger.now()],
    );
    await this.ledger.record(manager, openDay, session, session.state, release(session.state, leaving));
  }

  /**
   * Everyone still in the running is screened on the session's (new) date against the (new)
   * age and district rules; who no longer qualifies is rejected with the screening's reasons and
   * told, and a place they held goes to the next who fits. The waiting leave first, so nobody is
   * moved up only to be rejected next.
   */
  private async screenAgain(manager: EntityManager, openDay: OpenDayRecord, session: SessionRecord): Promise<void> {
    const people = (await manager.query(
      `SELECT person_id AS "personId", birth_date::text AS "birthDate", district, status FROM vetting_applicants
        WHERE session_id = $1 AND status IN ('eligible', 'waitlisted', 'selected') ORDER BY status = 'selected', arrival_order`,
      [session.id],
    )) as Array<{ personId: string; birthDate: string; district: string; status: string }>;
    const eligibility = { eventDate: toCalendarDate(session.date), minAge: openDay.minAge, maxAge: openDay.maxAge, districts: openDay.districts };
    for (const person of people) {
      const screening = screenApplicant(
        { personKey: '', birthDate: toCalendarDate(person.birthDate), district: person.district },
        eligibility,
        { earlierApplicants: new Set(), noShows: [], noShowLookBackMonths: 0 },
      );
      if (screening.eligible) continue;
      const [row] = await this.ledger.applicants(manager, 'person_id = $1', [person.personId]);
      await this.selection.leave(manager, row, 'rejected', 'no-longer-eligible', screening.reasons[0].code);
      await manager.query(`UPDATE vetting_applicants SET reasons = $2 WHERE person_id = $1`, [row.personId, JSON.stringify(screening.reasons)]);
      const codes = screening.reasons.map((reason) => reason.code);
      await this.ledger.announceRejected(manager, row, codes[0], codes, null, this.ledger.now());
    }
  }

  /** Everyone of a session the change removed leaves, told why; scheduling revokes the tickets itself. */
  private async removeSession(manager: EntityManager, session: SessionRecord): Promise<void> {
    const rows = await this.ledger.applicants(manager, `session_id = $1 AND status IN ('eligible', 'waitlisted', 'selected') ORDER BY arrival_order`, [session.id]);
    const at = this.ledger.now();
    const emptied: SelectionState = { ...session.state, selected: [], selectedOutsideQuota: [], waitlisted: [], rejected: [] };
    await manager.query(`UPDATE vetting_sessions SET removed_at = $2, state = $3 WHERE id = $1`, [session.id, at, JSON.stringify(emptied)]);
    await manager.query(
      `UPDATE vetting_applicants SET status = 'rejected', reason_code = $2, reasons = $3, awaiting_joint_review = false, waitlist_position = NULL, decided_at = $4
        WHERE session_id = $1 AND status IN ('eligible', 'waitlisted', 'selected')`,
      [session.id, SESSION_CANCELLED.code, JSON.stringify([SESSION_CANCELLED]), at],
    );
    for (const row of rows) await this.ledger.announceRejected(manager, row, SESSION_CANCELLED.code, [SESSION_CANCELLED.code], null, at);
    this.logger.log(`session ${session.id} removed by a change: ${rows.length} applicant(s) told`);
  }

  private async undecided(manager: EntityManager, sessionId: string): Promise<Array<{ applicationId: string; category: ApplicantRecord['category'] }>> {
    const rows = await this.ledger.applicants(manager, `session_id = $1 AND status = 'eligible' ORDER BY arrival_order`, [sessionId]);
    return rows.map((row) => ({ applicationId: row.personId, category: row.category }));
  }
}
