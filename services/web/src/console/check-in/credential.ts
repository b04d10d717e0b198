/**
 * What was typed or scanned at the door, as the check-in request wants it: a ticket's QR text
 * (OPENDAY-TICKET:1:<ticket id>:<code>) or its 8-character code (no 0/1/I/O), plus the last 4
 * characters of the ID card shown (x = X).
 */
export const QR_PREFIX = 'OPENDAY-TICKET:';
const CODE_ALPHABET = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;
const QR_SHAPE = /^OPENDAY-TICKET:1:[0-9a-f-]{36}:[0-9A-Z]{8}$/i;

export type Credential = { code: string } | { qrPayload: string };
export type CredentialProblem = 'empty' | 'code-length' | 'code-lookalike' | 'not-our-qr';

export function readCredential(input: string): { credential: Credential } | { problem: CredentialProblem } {
  const text = input.trim();
  if (!text) return { problem: 'empty' };
  if (text.toUpperCase().startsWith(QR_PREFIX)) return QR_SHAPE.test(text) ? { credential: { qrPayload: text } } : { problem: 'not-our-qr' };
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 8 || !/^[0-9A-Z]+$/.test(code)) return { problem: 'code-length' };
  if (!CODE_ALPHABET.test(code)) return { problem: 'code-lookalike' };
  return { credential: { code } };
}

export type Last4Problem = 'empty' | 'shape';

/** The last 4 of the ID: three digits then a digit or X; lower-case x is X. */
export function readLast4(input: string): { idLast4: string } | { problem: Last4Problem } {
  const text = input.trim().toUpperCase();
  if (!text) return { problem: 'empty' };
  return /^[0-9]{3}[0-9X]$/.test(text) ? { idLast4: text } : { problem: 'shape' };
}
