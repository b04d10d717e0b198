/**
 * What a ticket carries to the door (domain.md step 6): an 8-character check-in code a person can
 * read aloud, and a QR code holding the ticket's id and code. Scheduling issues and checks them,
 * the console reads what staff type or scan by the same rules.
 */

/** Digits and capitals without the look-alikes 0/O and 1/I: 32 characters, so read-aloud codes survive. */
export const CHECK_IN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_LENGTH = 8;
/** The QR payload's scheme and version: `OPENDAY-TICKET:1:<ticket id>:<code>`. */
export const QR_PAYLOAD_SCHEME = 'OPENDAY-TICKET:';
const QR_PAYLOAD_VERSION = '1:';
/** What every payload of this version starts with; the API's contracts document it from here. */
export const QR_PAYLOAD_PREFIX = `${QR_PAYLOAD_SCHEME}${QR_PAYLOAD_VERSION}`;

const QR_PAYLOAD_SHAPE = new RegExp(`^${QR_PAYLOAD_PREFIX}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9A-Z]{8})$`, 'i');
const CODE_SHAPE = new RegExp(`^[${CHECK_IN_CODE_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`);

export function qrPayloadOf(ticketId: string, checkInCode: string): string {
  return `${QR_PAYLOAD_PREFIX}${ticketId}:${checkInCode}`;
}

/** The ticket id (a UUID) and code a scanned QR payload carries, or undefined when it is not one of ours. */
export function parseQrPayload(payload: string): { ticketId: string; checkInCode: string } | undefined {
  const match = QR_PAYLOAD_SHAPE.exec(payload.trim());
  if (!match) return undefined;
  return { ticketId: match[1].toLowerCase(), checkInCode: match[2].toUpperCase() };
}

export type CheckInCodeProblem = 'code-length' | 'code-lookalike';

/**
 * A check-in code as typed: spaces and hyphens a person adds to read it in groups are dropped,
 * lower case is read as upper. Eight letters and digits that use a look-alike (0, 1, I, O) are
 * told apart from a code of the wrong length, so the person can be told which to check.
 */
export function parseCheckInCode(text: string): { ok: true; code: string } | { ok: false; problem: CheckInCodeProblem } {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CHECK_IN_CODE_LENGTH || !/^[0-9A-Z]+$/.test(code)) return { ok: false, problem: 'code-length' };
  if (!CODE_SHAPE.test(code)) return { ok: false, problem: 'code-lookalike' };
  return { ok: true, code };
}
