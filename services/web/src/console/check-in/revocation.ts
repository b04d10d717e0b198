/** The reason staff give for revoking a ticket (the holder is told it): 1–500 characters, not blank. */
export const REVOCATION_REASON_MAX = 500;

export type RevocationProblem = 'required' | 'too-long';

export function readRevocationReason(input: string): { reason: string } | { problem: RevocationProblem } {
  const reason = input.trim();
  if (!reason) return { problem: 'required' };
  if (reason.length > REVOCATION_REASON_MAX) return { problem: 'too-long' };
  return { reason };
}

/** Only a ticket not used yet can be revoked (scheduling refuses a checked-in or no-show one). */
export function canRevoke(status: 'issued' | 'checked-in' | 'no-show' | 'revoked'): boolean {
  return status === 'issued';
}
