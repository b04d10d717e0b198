/**
 * What was typed or scanned at the door, as the check-in request wants it: a ticket's QR text
 * (OPENDAY-TICKET:1:<ticket id>:<code>) or its 8-character code (no 0/1/I/O), plus the last 4
 * characters of the ID card shown (x = X).
 */
import { parseCheckInCode, parseQrPayload, QR_PAYLOAD_SCHEME, type CheckInCodeProblem } from '@openday/domain/admission';

export type Credential = { code: string } | { qrPayload: string };
export type CredentialProblem = 'empty' | CheckInCodeProblem | 'not-our-qr';

export function readCredential(input: string): { credential: Credential } | { problem: CredentialProblem } {
  const text = input.trim();
  if (!text) return { problem: 'empty' };
  if (text.toUpperCase().startsWith(QR_PAYLOAD_SCHEME)) return parseQrPayload(text) ? { credential: { qrPayload: text } } : { problem: 'not-our-qr' };
  const code = parseCheckInCode(text);
  return code.ok ? { credential: { code: code.code } } : { problem: code.problem };
}

export type Last4Problem = 'empty' | 'shape';

/** The last 4 of the ID: three digits then a digit or X; lower-case x is X. */
export function readLast4(input: string): { idLast4: string } | { problem: Last4Problem } {
  const text = input.trim().toUpperCase();
  if (!text) return { problem: 'empty' };
  return /^[0-9]{3}[0-9X]$/.test(text) ? { idLast4: text } : { problem: 'shape' };
}
