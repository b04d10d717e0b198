import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  Actor,
  FlaggedApplicationPage,
  FlaggedQuery,
  ListApplicantsQuery,
  LotteryVerificationInput,
  LotteryVerificationView,
  NoticedRepresentative,
  PublicNoticeView,
  SelectionResultView,
  VettingApplicantPage,
} from '@openday/contracts';
import { keysetCursor, problem } from '@openday/platform';
import { canSeeAgency, ordinaryShortfall } from '@openday/domain';
import { drawLottery, LOTTERY_ALGORITHM_V1, lotteryTicket } from '../selection/lottery';
import { commitmentView, storedCommitment } from '../selection-runs/lottery-commitments';
import { byCategory, SelectionLedger } from '../selection-runs/selection-ledger';
import { applicantView, publishedDraw, type OpenDayRecord } from '../selection-runs/records';

const STAFF_OF_AGENCY: readonly string[] = ['agency-staff', 'agency-admin', 'reviewer'];
/** Both lists run in arrival order: the last arrival order on the page. */
const APPLICANT_PAGES = keysetCursor('applicants', ['integer']);
const FLAGGED_PAGES = keysetCursor('flagged', ['integer']);

/** Reads: the applicants and the result for the agency's staff, the public notice, the lottery check, the city office's flagged list. */
@Injectable()
export class SelectionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: SelectionLedger,
  ) {}

  async listApplicants(actor: Actor, openDayId: string, query: ListApplicantsQuery): Promise<VettingApplicantPage> {
    await this.agencysOpenDay(actor, openDayId);
    const limit = query.limit ?? 100;
    const [after] = query.cursor === undefined ? [0] : APPLICANT_PAGES.read(query.cursor);
    const params: unknown[] = [openDayId, after, limit + 1];
    let condition = `open_day_id = $1 AND arrival_order > $2`;
    if (query.status) {
      params.push(query.status);
      condition += ` AND status = $4`;
    }
    const rows = await this.ledger.applicants(this.dataSource.manager, `${condition} ORDER BY arrival_order LIMIT $3`, params);
    const page = APPLICANT_PAGES.page(rows, limit, (row) => [row.arrivalOrder]);
    return { items: page.items.map(applicantView), nextCursor: page.nextCursor };
  }

  async result(actor: Actor, openDayId: string): Promise<SelectionResultView> {
    const openDay = await this.agencysOpenDay(actor, openDayId);
    const manager = this.dataSource.manager;
    const sessions = await this.ledger.sessions(manager, openDayId);
    const rows = await this.ledger.applicants(manager, `open_day_id = $1 ORDER BY arrival_order`, [openDayId]);
    const commitment = await storedCommitment(manager, openDayId);
    return {
      openDayId,
      agencyId: openDay.agencyId,
      title: openDay.title,
      selectionMode: openDay.selectionMode,
      coSigningDepartments: openDay.coSigningDepartments,
      registrationClosed: openDay.registrationClosed,
      sessions: sessions.map((session) => {
        const mine = rows.filter((row) => row.sessionId === session.id);
        const selectedOrder = new Map([...session.state.selected, ...session.state.selectedOutsideQuota].map((c, i) => [c.applicationId, i]));
        const shortfall = ordinaryShortfall(session.state);
        return {
          sessionId: session.id,
          date: session.date,
          capacity: session.capacity,
          completed: session.completedAt !== null,
          placesTaken: session.state.selected.length,
          byCategory: byCategory(session.state),
          ordinaryShareMet: shortfall === null,
          shortfall: shortfall && { required: shortfall.required, selectedOrdinary: shortfall.selectedOrdinary, placesTaken: shortfall.placesTaken, cause: shortfall.cause },
          lottery: publishedDraw(session, commitment),
          selected: mine
            .filter((row) => row.status === 'selected')
            .sort((a, b) => (selectedOrder.get(a.personId) ?? 0) - (selectedOrder.get(b.personId) ?? 0))
            .map(applicantView),
          waitlisted: mine
            .filter((row) => row.status === 'waitlisted')
            .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
            .map(applicantView),
          rejected: mine.filter((row) => row.status === 'rejected').length,
        };
      }),
    };
  }

  /**
   * Public: the latest notice of each session, masked as public notices are, and a lottery's
   * commitment, from before anyone applied (its secret once drawn).
   */
  async publicNotice(openDayId: string): Promise<PublicNoticeView> {
    const manager = this.dataSource.manager;
    const openDay = await this.ledger.openDay(manager, openDayId);
    if (!openDay) throw problem('not-found', { detail: `No open day ${openDayId}.` });
    const sessions = await this.ledger.sessions(manager, openDayId);
    const commitment = await storedCommitment(manager, openDayId);
    return {
      openDayId,
      title: openDay.title,
      lotteryCommitment: commitmentView(commitment),
      sessions: sessions
        .filter((session) => session.notice !== null)
        .map((session) => ({
          sessionId: session.id,
          date: session.date,
          revision: session.noticeRevision,
          publishedAt: session.notice!.publishedAt,
          representatives: session.notice!.representatives as NoticedRepresentative[],
          lottery: publishedDraw(session, commitment),
        })),
    };
  }

  /** Pure and public: the drawn order and each entry's ticket from a seed and the entries (the last step of both recipes). */
  verifyLottery(input: LotteryVerificationInput): LotteryVerificationView {
    const seen = new Set<string>();
    const repeated = input.entryIds.findIndex((id) => (seen.has(id.toLowerCase()) ? true : (seen.add(id.toLowerCase()), false)));
    if (repeated >= 0) {
      throw problem('invalid-input', {
        detail: 'The request has invalid fields.',
        errors: [{ field: `entryIds[${repeated}]`, rule: 'uniqueEntries', message: 'each entry is drawn once; this id is listed twice' }],
      });
    }
    const drawn = drawLottery(input.entryIds.map((applicationId) => ({ applicationId })), input.seed).map((entry) => entry.applicationId);
    return {
      algorithm: LOTTERY_ALGORITHM_V1,
      seed: input.seed,
      drawnOrder: drawn,
      tickets: drawn.map((entryId) => ({ entryId, ticket: lotteryTicket(input.seed, entryId) })),
    };
  }

  /**
   * Applicants the answer rule flagged and, beside them, applications flagged for waiting too
   * long for a session vetting does not know (undecided, so "eligible"; due the day their wait
   * ended; the agency blank while vetting does not know the open day), in arrival order.
   */
  async flagged(actor: Actor, query: FlaggedQuery): Promise<FlaggedApplicationPage> {
    if (actor.role !== 'city-office') throw problem('not-found', { detail: 'No flagged applications for you.' });
    const limit = query.limit ?? 100;
    const params: unknown[] = [limit + 1];
    let condition = 'true';
    if (query.openDayId) {
      params.push(query.openDayId);
      condition += ` AND f."openDayId" = $${params.length}`;
    }
    if (query.cursor !== undefined) {
      params.push(FLAGGED_PAGES.read(query.cursor)[0]);
      condition += ` AND f."arrivalOrder" > $${params.length}`;
    }
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT a.person_id AS "personId", a.application_id AS "applicationId", a.open_day_id AS "openDayId", a.session_id AS "sessionId",
                d.agency_id AS "agencyId", a.awaiting_joint_review AS "awaiting", a.answer_due_date::text AS "answerDueDate",
                a.answer_flagged_at AS "flaggedAt", a.arrival_order::int AS "arrivalOrder"
           FROM vetting_applicants a JOIN vetting_open_days d ON d.id = a.open_day_id
          WHERE a.answer_flagged_at IS NOT NULL
         UNION ALL
         SELECT p.person_id, p.application_id, p.open_day_id, p.session_id, COALESCE(d.agency_id, ''), false,
                (p.flag_due_at AT TIME ZONE 'Asia/Shanghai')::date::text, p.flagged_at, p.arrival_order::int
           FROM vetting_parked_arrivals p LEFT JOIN vetting_open_days d ON d.id = p.open_day_id
          WHERE p.flagged_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vetting_withdrawals w WHERE w.application_id = p.application_id)
       ) f
        WHERE ${condition} ORDER BY f."arrivalOrder" LIMIT $1`,
      params,
    )) as Array<{ personId: string; applicationId: string; openDayId: string; sessionId: string; agencyId: string; awaiting: boolean; answerDueDate: string; flaggedAt: Date; arrivalOrder: number }>;
    const page = FLAGGED_PAGES.page(rows, limit, (row) => [row.arrivalOrder]);
    return {
      items: page.items.map((row) => ({
        personId: row.personId,
        applicationId: row.applicationId,
        openDayId: row.openDayId,
        sessionId: row.sessionId,
        agencyId: row.agencyId,
        state: row.awaiting ? 'awaiting-joint-review' : 'eligible',
        answerDueDate: row.answerDueDate,
        flaggedAt: row.flaggedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The open day, if the caller is staff of its agency (or the city office); 404 otherwise. */
  private async agencysOpenDay(actor: Actor, openDayId: string): Promise<OpenDayRecord> {
    const openDay = await this.ledger.openDay(this.dataSource.manager, openDayId);
    const allowed = openDay && canSeeAgency(actor, openDay.agencyId, STAFF_OF_AGENCY);
    if (!openDay || !allowed) throw problem('not-found', { detail: `No open day ${openDayId} of your agency.` });
    return openDay;
  }
}
