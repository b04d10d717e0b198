/**
 * The rules of admission and the day, as plain functions: check-in codes, the
 * QR payload, the check-in window and the check-in decision itself.
 */
import { randomInt } from 'node:crypto';
import type { TicketStatus } from '@openday/contracts';
import { CHECK_IN_CODE_ALPHABET, CHECK_IN_CODE_LENGTH, shanghaiDateTime, shanghaiInstant, toCalendarDate } from '@openday/domain';

/** Check-in opens this long before the session starts (people gather at the assembly point early). */
export const CHECK_IN_OPENS_BEFORE_MINUTES = 120;

export const AdmissionProblemTypes = {
  realNameMismatch: 'https://openday.gov.cn/problems/real-name-check-failed',
  alreadyCheckedIn: 'https://openday.gov.cn/problems/already-checked-in',
  ticketRevoked: 'https://openday.gov.cn/problems/ticket-revoked',
  outsideCheckInWindow: 'https://openday.gov.cn/problems/outside-check-in-window',
  ticketAttended: 'https://openday.gov.cn/problems/ticket-no-longer-revocable',
} as const;

/** A fresh random check-in code (its alphabet and reading: libs/domain's credential); uniqueness is the database's (a unique index). */
export function newCheckInCode(pick: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i += 1) code += CHECK_IN_CODE_ALPHABET[pick(CHECK_IN_CODE_ALPHABET.length)];
  return code;
}

/** The real-name check: the last 4 characters of the ID on the card match the application's (x and X alike). */
export function lastFourMatch(maskedIdNumber: string, idLast4: string): boolean {
  return maskedIdNumber.slice(-4).toUpperCase() === idLast4.trim().toUpperCase();
}

export interface SessionTimes {
  /** Asia/Shanghai date and HH:mm wall-clock times. */
  date: string;
  startsAt: string;
  endsAt: string;
}

export function sessionStart(session: SessionTimes): Date {
  return shanghaiInstant(toCalendarDate(session.date), session.startsAt);
}

export function sessionEnd(session: SessionTimes): Date {
  return shanghaiInstant(toCalendarDate(session.date), session.endsAt);
}

/** Check-in is open from CHECK_IN_OPENS_BEFORE_MINUTES before the start until (not including) the end. */
export function checkInWindow(session: SessionTimes): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(sessionStart(session).getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * 60_000), closesAt: sessionEnd(session) };
}

export interface CheckInCandidate {
  status: TicketStatus;
  checkedInAt: Date | null;
  maskedIdNumber: string;
  session: SessionTimes;
}

export type CheckInDecision = { allowed: true } | { allowed: false; status: 409 | 422; type: string; title: string; detail: string };

/**
 * May this ticket be checked in now with these last 4 characters? In order: a revoked ticket,
 * a second check-in, the window (a no-show is past it), then the real-name check.
 */
export function decideCheckIn(ticket: CheckInCandidate, idLast4: string, now: Date): CheckInDecision {
  if (ticket.status === 'revoked') {
    return { allowed: false, status: 409, type: AdmissionProblemTypes.ticketRevoked, title: 'Ticket revoked', detail: 'This ticket was revoked and admits no one.' };
  }
  if (ticket.status === 'checked-in') {
    const at = ticket.checkedInAt ? shanghaiDateTime(ticket.checkedInAt, 'second') : 'earlier';
    return {
      allowed: false,
      status: 409,
      type: AdmissionProblemTypes.alreadyCheckedIn,
      title: 'Already checked in',
      detail: `This ticket was already checked in at ${at} (Asia/Shanghai); a ticket admits once.`,
    };
  }
  const window = checkInWindow(ticket.session);
  if (ticket.status === 'no-show' || now < window.opensAt || now >= window.closesAt) {
    return {
      allowed: false,
      status: 422,
      type: AdmissionProblemTypes.outsideCheckInWindow,
      title: 'Outside the check-in window',
      detail:
        `Check-in for this session is open from ${shanghaiDateTime(window.opensAt)} ` +
        `(${CHECK_IN_OPENS_BEFORE_MINUTES / 60} hours before the start) until its end at ${shanghaiDateTime(window.closesAt)}, Asia/Shanghai time.`,
    };
  }
  if (!lastFourMatch(ticket.maskedIdNumber, idLast4)) {
    return {
      allowed: false,
      status: 422,
      type: AdmissionProblemTypes.realNameMismatch,
      title: 'Real-name check failed',
      detail: 'idLast4 does not match the last 4 characters of the resident ID the application was made with.',
    };
  }
  return { allowed: true };
}
