import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, DecisionsResult, ReviewDecisionsInput } from '@openday/contracts';
import { problem, ProblemException, type FieldProblem } from '@openday/platform';
import { obstacleTo, select, type RejectionReason, type SelectionState, type WaitlistReason } from '@openday/domain';
import { SelectionLedger } from './selection-ledger';
import { applicantView, type OpenDayRecord } from './records';

/** Reason codes of the selection group's own choices (beside the core's reasons). */
const BY_GROUP_WAITLIST = 'waitlisted-by-selection-group' as WaitlistReason;
const BY_GROUP_REJECTION = 'rejected-by-selection-group' as RejectionReason;

/**
 * Selection by the selection group (遴选小组): reviewers of the organising agency select,
 * reject or waitlist screened applicants, one or many at once. Every choice still passes the
 * allocation rules: a selection that would break the capacity, a quota or the places kept for
 * ordinary citizens is refused (409) naming the rule, and nothing of the batch is stored.
 */
@Injectable()
export class SelectionGroupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: SelectionLedger,
  ) {}

  async decide(actor: Actor, openDayId: string, input: ReviewDecisionsInput): Promise<DecisionsResult> {
    return this.dataSource.transaction(async (manager) => {
      const openDay = await this.reviewersOpenDay(manager, actor, openDayId);
      if (openDay.selectionMode !== 'selection-group') {
        throw problem('selection-mode', { detail: `This open day selects by ${openDay.selectionMode}; the selection group does not choose.` });
      }
      const ids = input.decisions.map((d) => d.personId);
      const seen = new Set<string>();
      const problems: FieldProblem[] = [];
      input.decisions.forEach((d, i) => {
        if (seen.has(d.personId)) problems.push({ field: `decisions[${i}].personId`, rule: 'uniquePerson', message: 'this person is decided twice in one request' });
        seen.add(d.personId);
      });
      if (problems.length) throw problem('invalid-input', { detail: 'The request has invalid fields.', errors: problems });
      const rows = new Map(
        (await this.ledger.applicants(manager, `person_id = ANY($1::uuid[]) AND open_day_id = $2 FOR UPDATE`, [ids, openDayId])).map((r) => [r.personId, r]),
      );
      const missing = input.decisions.map((d, i) => ({ d, i })).filter(({ d }) => !rows.has(d.personId));
      if (missing.length) {
        throw problem('not-found', {
          detail: 'Some people are not applicants of this open day.',
          errors: missing.map(({ i }) => ({ field: `decisions[${i}].personId`, rule: 'applicant', message: 'no such applicant of this open day' })),
        });
      }
      const sessionIds = [...new Set([...rows.values()].map((r) => r.sessionId))].sort();
      const sessions = new Map<string, { record: Awaited<ReturnType<SelectionLedger['lockSession']>>; before: SelectionState; state: SelectionState }>();
      for (const id of sessionIds) {
        const record = await this.ledger.lockSession(manager, id);
        sessions.set(id, { record, before: record.state, state: record.state });
      }
      for (const [i, decision] of input.decisions.entries()) {
        const row = rows.get(decision.personId)!;
        const session = sessions.get(row.sessionId)!;
        if (row.status !== 'eligible' && row.status !== 'waitlisted') {
          throw conflict('applicant-state', `decisions[${i}].personId`, 'undecidedOrWaitlisted', `the applicant is ${row.status}; only undecided or waitlisted applicants can be decided`);
        }
        const candidate = { applicationId: row.personId, category: row.category };
        const without: SelectionState = { ...session.state, waitlisted: session.state.waitlisted.filter((e) => e.candidate.applicationId !== row.personId) };
        if (decision.decision === 'select') {
          const obstacle = obstacleTo(without, candidate);
          if (obstacle) {
            throw conflict('selection-rule', `decisions[${i}]`, obstacle.reason, `selecting this ${row.category} applicant would break the rule ${obstacle.reason}`);
          }
          session.state = select(without, candidate).state;
        } else if (decision.decision === 'waitlist') {
          session.state = { ...without, waitlisted: [...without.waitlisted, { candidate, reason: BY_GROUP_WAITLIST }] };
        } else {
          session.state = { ...without, rejected: [...without.rejected, { candidate, reason: BY_GROUP_REJECTION }] };
        }
        row.status = decision.decision === 'select' ? 'selected' : decision.decision === 'waitlist' ? 'waitlisted' : 'rejected';
      }
      const groupReasons = reasonsForTheApplicant(input);
      for (const session of sessions.values()) {
        await this.ledger.record(manager, openDay, session.record, session.before, session.state, 'registration-closed', actor.userId, groupReasons);
      }
      for (const decision of input.decisions) {
        await manager.query(`UPDATE vetting_applicants SET note = $2 WHERE person_id = $1`, [decision.personId, decision.reason?.trim() ?? null]);
      }
      const decided = await this.ledger.applicants(manager, `person_id = ANY($1::uuid[])`, [ids]);
      const order = new Map(ids.map((id, i) => [id, i]));
      return { decided: decided.sort((a, b) => order.get(a.personId)! - order.get(b.personId)!).map(applicantView) };
    });
  }

  /** The group has chosen: each session's selection is complete (selection-completed, and the notice once final). */
  async complete(actor: Actor, openDayId: string): Promise<{ completedSessions: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const openDay = await this.reviewersOpenDay(manager, actor, openDayId);
      if (openDay.selectionMode !== 'selection-group') {
        throw problem('selection-mode', { detail: `This open day selects by ${openDay.selectionMode}.` });
      }
      const completed: string[] = [];
      for (const session of await this.ledger.sessions(manager, openDayId, true)) {
        if (session.completedAt) continue;
        await this.ledger.complete(manager, openDay, session);
        completed.push(session.id);
      }
      return { completedSessions: completed };
    });
  }

  /** The open day, if the caller is a reviewer of its organising agency; 404 otherwise, so other agencies learn nothing. */
  private async reviewersOpenDay(manager: EntityManager, actor: Actor, openDayId: string): Promise<OpenDayRecord> {
    const openDay = await this.ledger.openDay(manager, openDayId, true);
    if (!openDay || actor.role !== 'reviewer' || actor.agencyId !== openDay.agencyId) {
      throw problem('not-found', { detail: `No open day ${openDayId} of your agency.` });
    }
    return openDay;
  }
}

/** The group's words for those it waitlisted or rejected, as they will read them in their message; a selection's note stays with staff. */
function reasonsForTheApplicant(input: ReviewDecisionsInput): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const d of input.decisions) {
    const reason = d.reason?.trim();
    if (d.decision !== 'select' && reason) reasons.set(d.personId, reason);
  }
  return reasons;
}

function conflict(code: 'applicant-state' | 'selection-rule', field: string, rule: string, message: string): ProblemException {
  return problem(code, { detail: `Nothing was stored: ${message}.`, errors: [{ field, rule, message }] });
}
