import type { EntityManager } from 'typeorm';
import type { ApplicationSubmittedV1 } from '@openday/contracts';
import { shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { screenApplicant } from '../screening';
import type { ParkedArrival } from '../parked-arrivals/parked-arrivals';
import type { ApplicantStatus, OpenDayRecord, SessionRecord } from '../selection-runs/records';
import type { ApplicantHistory } from './applicant-history';

/** Why an application for a session a change removed is refused. */
export const SESSION_CANCELLED = { code: 'session-cancelled', zh: '所报名的场次已取消', en: 'The session applied for was cancelled' };

export interface ScreenedArrival {
  data: ApplicationSubmittedV1;
  status: Extract<ApplicantStatus, 'eligible' | 'rejected' | 'withdrawn'>;
  reasons: Array<{ code: string; zh: string; en: string }>;
  /** Eligible where a decision follows (first come, or a lottery already drawn): decided in submission order by the arrival decider. */
  awaitingDecision: boolean;
  parked?: ParkedArrival;
}

/**
 * Screens one arriving person on the session's date against the open day's rules, the no-show
 * register and the person's other applications to it (`history`, the earlier already withdrawn).
 */
export function screenArrival(
  data: ApplicationSubmittedV1,
  session: Pick<SessionRecord, 'date' | 'removedAt' | 'completedAt'>,
  openDay: OpenDayRecord,
  history: ApplicantHistory,
  noShowLookBackMonths: number,
  parked?: ParkedArrival,
): ScreenedArrival {
  const later = history.otherApplications.some((other) => other.arrivalSequence > data.arrivalSequence);
  const screening = screenApplicant(
    { personKey: data.personKey, birthDate: toCalendarDate(data.birthDate), district: data.district },
    { eventDate: toCalendarDate(session.date), minAge: openDay.minAge, maxAge: openDay.maxAge, districts: openDay.districts },
    {
      earlierApplicants: new Set(later ? [data.personKey] : []),
      noShows: history.noShowDates.map((date) => ({ personKey: data.personKey, eventDate: toCalendarDate(date) })),
      noShowLookBackMonths,
    },
  );
  const reasons = [...(session.removedAt ? [SESSION_CANCELLED] : []), ...(screening.eligible ? [] : screening.reasons)];
  const status = history.withdrawn ? 'withdrawn' : reasons.length === 0 ? 'eligible' : 'rejected';
  // Submitted in the window but delivered after a lottery's draw: it is decided after everyone drawn.
  const decidedNow = openDay.selectionMode === 'first-come' || (openDay.selectionMode === 'lottery' && session.completedAt !== null);
  return { data, status, reasons, awaitingDecision: status === 'eligible' && decidedNow, parked };
}

/** Stores screened arrivals in one statement, in the order given (their arrival order, unless a parked one keeps its own). */
export async function storeArrivals(manager: EntityManager, arrivals: readonly ScreenedArrival[]): Promise<void> {
  if (arrivals.length === 0) return;
  const column = <T>(value: (arrival: ScreenedArrival) => T) => arrivals.map(value);
  await manager.query(
    `INSERT INTO vetting_applicants (person_id, application_id, open_day_id, session_id, person_key, masked_name, masked_id_number, birth_date,
                                     category, district, arrival_sequence, submitted_at, status, reason_code, reasons,
                                     arrival_order, answer_flagged_at, answer_due_date, awaiting_decision)
     OVERRIDING SYSTEM VALUE
     SELECT a.person_id, a.application_id, a.open_day_id, a.session_id, a.person_key, a.masked_name, a.masked_id_number, a.birth_date,
            a.category, a.district, a.arrival_sequence, a.submitted_at, a.status, a.reason_code, a.reasons,
            COALESCE(a.arrival_order, nextval('vetting_applicants_arrival_order_seq')), a.answer_flagged_at, a.answer_due_date, a.awaiting_decision
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[],
                   $11::bigint[], $12::timestamptz[], $13::text[], $14::text[], $15::jsonb[], $16::bigint[], $17::timestamptz[], $18::date[], $19::boolean[])
            WITH ORDINALITY AS a(person_id, application_id, open_day_id, session_id, person_key, masked_name, masked_id_number, birth_date,
                                 category, district, arrival_sequence, submitted_at, status, reason_code, reasons,
                                 arrival_order, answer_flagged_at, answer_due_date, awaiting_decision, position)
      ORDER BY a.position`,
    [
      column((a) => a.data.personId),
      column((a) => a.data.applicationId),
      column((a) => a.data.openDayId),
      column((a) => a.data.sessionId),
      column((a) => a.data.personKey),
      column((a) => a.data.maskedName),
      column((a) => a.data.maskedIdNumber),
      column((a) => a.data.birthDate),
      column((a) => a.data.category),
      column((a) => a.data.district),
      column((a) => a.data.arrivalSequence),
      column((a) => new Date(a.data.submittedAt)),
      column((a) => a.status),
      column((a) => a.reasons[0]?.code ?? null),
      column((a) => JSON.stringify(a.reasons)),
      column((a) => a.parked?.arrivalOrder ?? null),
      column((a) => a.parked?.flaggedAt ?? null),
      column((a) => (a.parked?.flaggedAt ? shanghaiDateOf(a.parked.flagDueAt) : null)),
      column((a) => a.awaitingDecision),
    ],
  );
}
