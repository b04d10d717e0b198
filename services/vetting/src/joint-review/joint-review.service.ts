import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, JointReviewOpenDayPage, JointReviewView, PageQuery, SignaturesInput } from '@openday/contracts';
import { shanghaiDateOf } from '@openday/domain';
import { keysetCursor, problem } from '@openday/platform';
import { SelectionLedger } from '../selection-runs/selection-ledger';
import { SelectionService } from '../selection-runs/selection.service';
import type { OpenDayRecord } from '../selection-runs/records';
import { allSigned, departmentsAwaiting } from './joint-review-rules';

const DEFAULT_PAGE_SIZE = 50;
/** A department's worklist, soonest first: the (first date, id) of the last open day on the page. */
const WORKLIST_PAGES = keysetCursor('joint-review', ['date', 'uuid']);

/**
 * Joint review (联合审查): where the open day names co-signing departments, each selection
 * is provisional until every department has signed it. Departments sign in parallel, in any
 * order; a refusal carries a reason, reverses that selection and promotes the first on the
 * waiting list who fits (who then needs every signature in turn). A department handler speaks
 * for the department whose code is their agency id.
 */
@Injectable()
export class JointReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: SelectionLedger,
    private readonly selection: SelectionService,
  ) {}

  /**
   * The department's worklist: open days still to come (a session today or later, in China)
   * with selections it has neither signed nor refused, soonest first, in one query. A
   * selection another department still has to sign, but this one has signed, is not counted.
   */
  async openDays(actor: Actor, query: PageQuery): Promise<JointReviewOpenDayPage> {
    if (actor.role !== 'department-handler' || !actor.agencyId) {
      throw problem('not-found', { detail: 'No joint review of your department.' });
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [actor.agencyId, shanghaiDateOf(this.ledger.now()), limit + 1];
    let after = '';
    if (query.cursor !== undefined) {
      params.push(...WORKLIST_PAGES.read(query.cursor));
      after = `AND (days.first_date, d.id) > ($4::date, $5::uuid)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT d.id AS "openDayId", d.title, d.agency_id AS "agencyId", days.dates, days.first_date::text AS "firstDate", waiting.pending
         FROM vetting_open_days d
        CROSS JOIN LATERAL (
              SELECT array_agg(DISTINCT s.date::text ORDER BY s.date::text) AS dates, min(s.date) AS first_date, max(s.date) AS last_date
                FROM vetting_sessions s WHERE s.open_day_id = d.id AND s.removed_at IS NULL) days
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS pending
                FROM vetting_applicants a
               WHERE a.open_day_id = d.id AND a.status = 'selected' AND a.awaiting_joint_review
                 AND NOT EXISTS (SELECT 1 FROM joint_review_signatures j WHERE j.person_id = a.person_id AND j.department = $1::text)) waiting
        WHERE d.status = 'published' AND $1::text = ANY (d.co_signing_departments) AND days.last_date >= $2::date AND waiting.pending > 0 ${after}
        ORDER BY days.first_date, d.id
        LIMIT $3`,
      params,
    )) as Array<{ openDayId: string; title: string; agencyId: string; dates: string[]; firstDate: string; pending: number }>;
    const page = WORKLIST_PAGES.page(rows, limit, (row) => [row.firstDate, row.openDayId]);
    return {
      items: page.items.map(({ openDayId, title, agencyId, dates, pending }) => ({ openDayId, title, agencyId, dates, pending })),
      nextCursor: page.nextCursor,
    };
  }

  async pending(actor: Actor, openDayId: string): Promise<JointReviewView> {
    const { openDay, department } = await this.departmentsOpenDay(this.dataSource.manager, actor, openDayId);
    const rows = await this.ledger.applicants(this.dataSource.manager, `open_day_id = $1 AND status = 'selected' AND awaiting_joint_review ORDER BY arrival_order`, [openDayId]);
    const signatures = (await this.dataSource.query(
      `SELECT person_id AS "personId", department FROM joint_review_signatures WHERE person_id = ANY($1::uuid[]) AND decision = 'signed'`,
      [rows.map((r) => r.personId)],
    )) as Array<{ personId: string; department: string }>;
    return {
      openDayId,
      department,
      pending: rows.map((row) => {
        const signedBy = signatures.filter((s) => s.personId === row.personId).map((s) => s.department);
        return {
          personId: row.personId,
          applicationId: row.applicationId,
          sessionId: row.sessionId,
          maskedName: row.maskedName,
          maskedIdNumber: row.maskedIdNumber,
          category: row.category,
          signedBy,
          awaiting: departmentsAwaiting(openDay.coSigningDepartments, signedBy),
        };
      }),
    };
  }

  async sign(actor: Actor, openDayId: string, input: SignaturesInput): Promise<JointReviewView> {
    await this.dataSource.transaction(async (manager) => {
      const { openDay, department } = await this.departmentsOpenDay(manager, actor, openDayId, true);
      const at = this.ledger.now();
      for (const [i, signature] of input.signatures.entries()) {
        const [row] = await this.ledger.applicants(manager, `person_id = $1 AND open_day_id = $2 FOR UPDATE`, [signature.personId, openDayId]);
        if (!row) {
          throw problem('not-found', {
            detail: `No applicant ${signature.personId} of this open day.`,
            errors: [{ field: `signatures[${i}].personId`, rule: 'applicant', message: 'no such applicant of this open day' }],
          });
        }
        const [already] = (await manager.query(`SELECT decision FROM joint_review_signatures WHERE person_id = $1 AND department = $2`, [row.personId, department])) as Array<{
          decision: string;
        }>;
        if (row.status !== 'selected' || !row.awaitingJointReview || already) {
          throw problem('applicant-state', {
            detail: `Nothing was stored: applicant ${row.personId} is not a selection awaiting ${department}'s signature.`,
            errors: [{ field: `signatures[${i}].personId`, rule: already ? 'alreadyDecided' : 'awaitingJointReview', message: 'this selection is not awaiting your department' }],
          });
        }
        const decision = signature.decision === 'sign' ? 'signed' : 'refused';
        await manager.query(
          `INSERT INTO joint_review_signatures (person_id, department, decision, reason, actor_user_id, decided_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.personId, department, decision, decision === 'refused' ? signature.reason!.trim() : null, actor.userId, at],
        );
        if (decision === 'refused') {
          await this.selection.leave(manager, row, 'rejected', 'joint-review-refusal', 'joint-review-refused');
          await manager.query(`UPDATE vetting_applicants SET note = $2 WHERE person_id = $1`, [row.personId, signature.reason!.trim()]);
          await this.ledger.announceRejected(manager, row, 'joint-review-refused', ['joint-review-refused'], department, at);
          continue;
        }
        const signedBy = ((await manager.query(`SELECT department FROM joint_review_signatures WHERE person_id = $1 AND decision = 'signed'`, [row.personId])) as Array<{
          department: string;
        }>).map((s) => s.department);
        if (allSigned(openDay.coSigningDepartments, signedBy)) {
          await manager.query(`UPDATE vetting_applicants SET awaiting_joint_review = false WHERE person_id = $1`, [row.personId]);
          const session = await this.ledger.lockSession(manager, row.sessionId);
          const outsideQuota = session.state.selectedOutsideQuota.some((c) => c.applicationId === row.personId);
          await this.ledger.announceSelected(manager, openDay, row, outsideQuota, row.promotion, openDay.coSigningDepartments, at);
          if (session.completedAt) await this.ledger.publishNoticeIfFinal(manager, openDay, session);
        }
      }
    });
    return this.pending(actor, openDayId);
  }

  private async departmentsOpenDay(manager: EntityManager, actor: Actor, openDayId: string, lock = false): Promise<{ openDay: OpenDayRecord; department: string }> {
    const openDay = await this.ledger.openDay(manager, openDayId, lock);
    const department = actor.agencyId;
    if (!openDay || actor.role !== 'department-handler' || !department || !openDay.coSigningDepartments.includes(department)) {
      throw problem('not-found', { detail: `No open day ${openDayId} awaiting your department's joint review.` });
    }
    return { openDay, department };
  }
}
