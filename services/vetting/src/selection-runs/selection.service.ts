import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationScreenedV1, LotteryRevealedV1, type ApplicationSubmittedV1, type OpenDayPublishedV2, type OpenDayPublishedV3 } from '@openday/contracts';
import { Outbox, runWithCorrelation, type CorrelationContext, type OutboxEvent } from '@openday/messaging';
import {
  allocate,
  closeArrivals,
  decideOnArrival,
  openSelection,
  place,
  promoteFromWaitlist,
  releaseUnclaimable,
  type Candidate,
  type SelectionState,
} from '@openday/domain';
import { committedSeed, drawLottery, entryListHash, randomLotteryBytes, type LotteryRecipe } from '../selection/lottery';
import { commitLottery, markRevealed, storedCommitment } from './lottery-commitments';
import type { PromotionCauseV2 } from '@openday/contracts';
import { answerDeadlineCheckAt } from '../answer-deadline/answer-deadline';
import { lockArrivals, lockArrivalsOf, park, takeParked, type ParkedArrival } from '../parked-arrivals/parked-arrivals';
import { applicantHistories } from '../applications/applicant-history';
import { screenArrival, storeArrivals, type ScreenedArrival } from '../applications/screened-arrival';
import { awaitingArrivals, markDecided, settledArrivals } from '../first-come/awaiting-arrivals';
import { SelectionLedger } from './selection-ledger';
import { planOf, VETTING_SETTINGS, type ApplicantRecord, type OpenDayRecord, type SessionRecord, type VettingSettings } from './records';
import { WorkingCalendarSource, type CurrentWorkingCalendar } from '@openday/platform';

export { SESSION_CANCELLED } from '../applications/screened-arrival';

/** An application-submitted event to apply: taken out of the parking (`parked`), or with the correlation its message carried. */
export interface Arrival {
  data: ApplicationSubmittedV1;
  parked?: ParkedArrival;
  correlation?: CorrelationContext;
}

function inCorrelation<T>(correlation: CorrelationContext | undefined, work: () => T): T {
  return correlation ? runWithCorrelation(correlation, work) : work();
}

/**
 * What the bus and the timers make vetting do: keep its copy of open days, screen each
 * arriving applicant, decide at once (first come), draw the lottery or close the arrivals when
 * registration closes, and free places when people withdraw. Every rule is the pure core's
 * (../selection, ../screening); this reads the state, asks the core and records the answer.
 */
@Injectable()
export class SelectionService {
  private readonly logger = new Logger(SelectionService.name);

  constructor(
    private readonly ledger: SelectionLedger,
    private readonly outbox: Outbox,
    @Inject(VETTING_SETTINGS) private readonly settings: VettingSettings,
    @Inject(WorkingCalendarSource) private readonly calendars: CurrentWorkingCalendar,
  ) {}

  /**
   * Stores (or refreshes) the open day and its sessions, and sets its timers while registration is open.
   * v3 gives each session its media places; a session from v2 (published before) has none of its own.
   * A lottery open day new to vetting is committed to at once (lottery recipe 2): its publication
   * comes before registration opens, so the commitment is public before anyone applies.
   */
  async openDayPublished(manager: EntityManager, data: OpenDayPublishedV3 | OpenDayPublishedV2): Promise<void> {
    const existing = await this.ledger.openDay(manager, data.openDayId, true);
    const closesAt = new Date(data.registrationClosesAt);
    await manager.query(
      `INSERT INTO vetting_open_days (id, agency_id, title, selection_mode, quotas, min_ordinary_share, media_outside_quota, min_age, max_age,
                                      districts, registration_closes_at, co_signing_departments, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET agency_id = $2, title = $3, quotas = $5, min_ordinary_share = $6, media_outside_quota = $7,
         min_age = $8, max_age = $9, districts = $10, registration_closes_at = $11, co_signing_departments = $12, published_at = $13`,
      [
        data.openDayId, data.agencyId, data.title, existing?.selectionMode ?? data.selectionMode, JSON.stringify(data.quotas), data.minOrdinaryShare,
        data.mediaOutsideQuota, data.eligibility.minAge, data.eligibility.maxAge, data.eligibility.districts, closesAt, data.coSigningDepartments,
        new Date(data.publishedAt),
      ],
    );
    const openDay = (await this.ledger.openDay(manager, data.openDayId))!;
    if (!existing && openDay.selectionMode === 'lottery') {
      await commitLottery(manager, this.outbox, openDay, this.ledger.now());
    }
    await this.addSessions(manager, openDay, data.sessions);
    if (openDay.registrationClosed || openDay.status === 'cancelled') return;
    const answerCheckAt = answerDeadlineCheckAt(closesAt, await this.calendars.current());
    await manager.query(
      `INSERT INTO vetting_timers (kind, open_day_id, due_at) VALUES ('registration-closed', $1, $2), ('answer-deadline', $1, $3)
       ON CONFLICT (kind, open_day_id) DO UPDATE SET due_at = EXCLUDED.due_at, attempts = 0, last_error = NULL`,
      [data.openDayId, closesAt, answerCheckAt],
    );
  }

  /**
   * Stores sessions new to vetting, each with an empty selection (closed to further arrivals when
   * registration has closed, so no place is held for ordinary citizens who can no longer come),
   * then decides the applications that waited for them.
   */
  async addSessions(
    manager: EntityManager,
    openDay: OpenDayRecord,
    sessions: ReadonlyArray<{ sessionId: string; date: string; capacity: number; mediaPlaces?: number }>,
  ): Promise<void> {
    for (const session of sessions) {
      const open = openSelection(planOf(openDay, session, this.settings.mediaPlacesOutsideQuota));
      const state = openDay.registrationClosed ? closeArrivals(open).state : open;
      await manager.query(
        `INSERT INTO vetting_sessions (id, open_day_id, date, capacity, media_places, state) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [session.sessionId, openDay.id, session.date, session.capacity, session.mediaPlaces ?? null, JSON.stringify(state)],
      );
    }
    await this.decideParked(manager, openDay.id, sessions.map((session) => session.sessionId));
  }

  /** Decides, in the order they came, the applications that waited for these sessions. */
  async decideParked(manager: EntityManager, openDayId: string, sessionIds: readonly string[]): Promise<void> {
    for (const sessionId of [...sessionIds].sort()) await lockArrivalsOf(manager, sessionId);
    const arrivals = await takeParked(manager, openDayId, sessionIds);
    await this.applicationsSubmitted(manager, arrivals.map((arrival) => ({ data: arrival.submitted, parked: arrival })));
    if (arrivals.length > 0) this.logger.log(`decided ${arrivals.length} parked application(s) of open day ${openDayId}`);
  }

  async openDayCancelled(manager: EntityManager, openDayId: string): Promise<void> {
    await manager.query(`UPDATE vetting_open_days SET status = 'cancelled' WHERE id = $1`, [openDayId]);
    await manager.query(`DELETE FROM vetting_timers WHERE open_day_id = $1`, [openDayId]);
  }

  /** One person applied: see applicationsSubmitted. */
  async applicationSubmitted(manager: EntityManager, data: ApplicationSubmittedV1, parked?: ParkedArrival): Promise<void> {
    await this.applicationsSubmitted(manager, [{ data, parked }]);
  }

  /**
   * People applied (a batch, in stream order): each is screened and stored, an eligible one of a
   * first-come session (or of a lottery already drawn) awaiting its decision, which the arrival
   * decider makes in submission order. An application for a session (or open day) vetting does
   * not know yet is parked until the session arrives (the open day's events come on another
   * stream and may be behind); one for a session a change removed is refused. A parked
   * application taken out of the parking keeps its place in the arrival order, and its flag if
   * it waited too long. Each statement serves the whole batch; the events an arrival causes
   * carry its own correlation.
   */
  async applicationsSubmitted(manager: EntityManager, arrivals: readonly Arrival[]): Promise<void> {
    if (new Set(arrivals.map(({ data }) => `${data.openDayId}:${data.personKey}`)).size < arrivals.length) {
      // One person twice: the later must find the earlier stored.
      for (const arrival of arrivals) await this.applicationsSubmitted(manager, [arrival]);
      return;
    }
    const submitted = arrivals.map(({ data }) => data);
    await lockArrivals(manager, submitted);
    // Key-shared, so arrivals run side by side and beside decisions; a change rewrites a session's date and the open day's rules under its FOR UPDATE.
    const sessions = await this.ledger.shareSessions(manager, submitted.map((data) => data.sessionId));
    const openDays = await this.ledger.openDays(manager, submitted.map((data) => data.openDayId));
    const histories = await applicantHistories(manager, submitted);
    const screened: Array<ScreenedArrival & { correlation?: CorrelationContext }> = [];
    for (const [index, { data, parked, correlation }] of arrivals.entries()) {
      const session = sessions.get(data.sessionId);
      const history = histories[index];
      if (!session || session.openDayId !== data.openDayId) await this.parkUntilSessionKnown(manager, data);
      else if (!history.known) {
        await inCorrelation(correlation, async () => {
          for (const earlier of history.otherApplications.filter((other) => other.arrivalSequence < data.arrivalSequence)) {
            await this.applicationWithdrawn(manager, earlier.applicationId, data.openDayId, new Date(data.submittedAt));
          }
        });
        screened.push({ ...screenArrival(data, session, openDays.get(data.openDayId)!, history, this.settings.noShowLookBackMonths, parked), correlation });
      }
    }
    await storeArrivals(manager, screened);
    await this.outbox.addAll(manager, screened.flatMap((arrival) => inCorrelation(arrival.correlation, () => this.screenedEvents(arrival))));
  }

  private async parkUntilSessionKnown(manager: EntityManager, data: ApplicationSubmittedV1): Promise<void> {
    const at = this.ledger.now();
    await park(manager, data, at, new Date(at.getTime() + this.settings.parkedArrivalFlagAfterMinutes * 60_000));
    this.logger.debug(`application ${data.applicationId} parked until vetting knows session ${data.sessionId} of open day ${data.openDayId}`);
  }

  private screenedEvents({ data, status, reasons }: ScreenedArrival): OutboxEvent[] {
    const at = this.ledger.now();
    const codes = reasons.map((reason) => reason.code);
    const screened = this.outbox.event(
      ApplicationScreenedV1.contract,
      {
        applicationId: data.applicationId,
        personId: data.personId,
        openDayId: data.openDayId,
        sessionId: data.sessionId,
        category: data.category,
        eligible: reasons.length === 0,
        reasonCodes: codes,
        screenedAt: at.toISOString(),
      },
      { aggregateId: data.personId },
    );
    return status === 'rejected' ? [screened, ...this.ledger.rejectedEvents(data, codes[0], codes, null, at)] : [screened];
  }

  /**
   * Decides the session's awaiting arrivals whose settle window is over (`all`: every one, as
   * when registration closes), in submission order, in one change of its selection. An arrival
   * recorded before the close but delivered after it is still decided, in turn. Answers how many
   * it took.
   */
  async decideArrivals(manager: EntityManager, sessionId: string, all = false): Promise<number> {
    const session = await this.ledger.lockSession(manager, sessionId);
    const awaiting = await awaitingArrivals(manager, sessionId);
    const settled = all ? awaiting : settledArrivals(awaiting);
    if (settled.length === 0) return 0;
    await markDecided(manager, settled.map((arrival) => arrival.personId));
    const before = session.state;
    const after = settled
      .filter((arrival) => arrival.status === 'eligible')
      .reduce((state, arrival) => {
        const candidate: Candidate = { applicationId: arrival.personId, category: arrival.category };
        return (state.arrivalsClosed ? place(state, candidate) : decideOnArrival(state, candidate)).state;
      }, before);
    if (after !== before) await this.ledger.record(manager, (await this.ledger.openDay(manager, session.openDayId))!, session, before, after);
    return settled.length;
  }

  /** The applicant withdrew: every person of the application leaves; a place they held goes to the first who fits. */
  async applicationWithdrawn(manager: EntityManager, applicationId: string, openDayId: string, withdrawnAt: Date): Promise<void> {
    await manager.query(`INSERT INTO vetting_withdrawals (application_id, open_day_id, withdrawn_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      applicationId,
      openDayId,
      withdrawnAt,
    ]);
    const people = await this.ledger.applicants(manager, `application_id = $1 AND status <> 'withdrawn' ORDER BY arrival_order`, [applicationId]);
    for (const person of people) await this.leave(manager, person, 'withdrawn', 'withdrawal');
  }

  /**
   * Takes a person out of their session's selection: a selected person's place goes to the
   * first on the waiting list who fits (promoteFromWaitlist), a waiting person leaves the list.
   */
  async leave(manager: EntityManager, person: ApplicantRecord, status: 'withdrawn' | 'rejected', cause: PromotionCauseV2, reasonCode: string | null = null): Promise<void> {
    const openDay = (await this.ledger.openDay(manager, person.openDayId))!;
    const session = await this.ledger.lockSession(manager, person.sessionId);
    const before = session.state;
    let after: SelectionState = before;
    if ([...before.selected, ...before.selectedOutsideQuota].some((c) => c.applicationId === person.personId)) {
      after = promoteFromWaitlist(before, person.personId).state;
    } else if (before.waitlisted.some((entry) => entry.candidate.applicationId === person.personId)) {
      after = { ...before, waitlisted: before.waitlisted.filter((entry) => entry.candidate.applicationId !== person.personId) };
    } else if (before.rejected.some((r) => r.candidate.applicationId === person.personId)) {
      after = { ...before, rejected: before.rejected.filter((r) => r.candidate.applicationId !== person.personId) };
    }
    await manager.query(
      `UPDATE vetting_applicants SET status = $2, awaiting_joint_review = false, waitlist_position = NULL, reason_code = COALESCE($3, reason_code), decided_at = $4
        WHERE person_id = $1`,
      [person.personId, status, reasonCode, this.ledger.now()],
    );
    await this.ledger.record(manager, openDay, session, before, after, cause);
  }

  /**
   * Registration closed (the timer fired): first come releases the places held for ordinary
   * citizens who never came (closeArrivals); a lottery is drawn (see draw), stored and
   * published with the algorithm and the drawn order; the selection group keeps choosing, with
   * the places kept for ordinary citizens cut to what those who applied can fill.
   */
  async registrationClosed(manager: EntityManager, openDayId: string): Promise<void> {
    const openDay = await this.ledger.openDay(manager, openDayId, true);
    if (!openDay || openDay.registrationClosed || openDay.status === 'cancelled') return;
    await manager.query(`UPDATE vetting_open_days SET registration_closed = true WHERE id = $1`, [openDayId]);
    openDay.registrationClosed = true;
    for (const session of await this.ledger.sessions(manager, openDayId, true)) {
      const before = session.state;
      if (openDay.selectionMode === 'first-come') {
        await this.decideArrivals(manager, session.id, true);
        const decided = await this.ledger.lockSession(manager, session.id);
        await this.ledger.record(manager, openDay, decided, decided.state, closeArrivals(decided.state).state, 'registration-closed');
        await this.ledger.complete(manager, openDay, decided);
      } else if (openDay.selectionMode === 'lottery') {
        await this.draw(manager, openDay, session);
      } else {
        const stillToDecide = await this.candidates(manager, session.id, `status = 'eligible'`);
        await this.ledger.record(manager, openDay, session, before, releaseUnclaimable({ ...before, arrivalsClosed: true }, stillToDecide));
      }
    }
  }

  /**
   * Draws the session's lottery. Committed open days (recipe 2) derive the seed from the committed
   * secret and the hash of the entry list, reveal the secret and publish lottery-revealed; open
   * days vetting knew before commitments existed keep recipe 1, a seed drawn now.
   */
  private async draw(manager: EntityManager, openDay: OpenDayRecord, session: SessionRecord): Promise<void> {
    const entries = await this.candidates(manager, session.id, `status = 'eligible'`);
    const committed = await storedCommitment(manager, openDay.id);
    const at = this.ledger.now();
    const recipe: LotteryRecipe = committed ? 2 : 1;
    const listHash = committed ? entryListHash(entries.map((entry) => entry.applicationId)) : null;
    const seed = committed && listHash ? committedSeed(committed.secret, listHash) : randomLotteryBytes();
    const drawn = drawLottery(entries, seed);
    const { shortfall: _shortfall, ...after } = allocate(planOf(openDay, session, this.settings.mediaPlacesOutsideQuota), drawn);
    const drawOrder = drawn.map((candidate) => candidate.applicationId);
    Object.assign(session, { lotterySeed: seed, drawOrder, lotteryRecipe: recipe, entryListHash: listHash });
    await manager.query(`UPDATE vetting_sessions SET lottery_seed = $2, draw_order = $3, lottery_recipe = $4, entry_list_hash = $5 WHERE id = $1`, [
      session.id,
      seed,
      JSON.stringify(drawOrder),
      recipe,
      listHash,
    ]);
    if (committed && listHash) {
      await markRevealed(manager, openDay.id, at);
      const { secret, commitment, committedAt } = committed;
      const revealed = { openDayId: openDay.id, sessionId: session.id, recipe: 2 as const, commitment, committedAt: committedAt.toISOString(), secret };
      await this.outbox.add(manager, LotteryRevealedV1.contract, { ...revealed, entryListHash: listHash, seed, entries: entries.length, revealedAt: at.toISOString() }, { aggregateId: session.id });
    }
    await this.ledger.record(manager, openDay, session, session.state, after, 'registration-closed');
    await this.ledger.complete(manager, openDay, session);
    this.logger.log(`lottery drawn for session ${session.id}: ${drawn.length} entries, ${after.selected.length} selected`);
  }

  private async candidates(manager: EntityManager, sessionId: string, condition: string): Promise<Candidate[]> {
    const rows = (await manager.query(
      `SELECT person_id AS "personId", category FROM vetting_applicants WHERE session_id = $1 AND ${condition} ORDER BY arrival_order`,
      [sessionId],
    )) as Array<{ personId: string; category: Candidate['category'] }>;
    return rows.map((row) => ({ applicationId: row.personId, category: row.category }));
  }
}
