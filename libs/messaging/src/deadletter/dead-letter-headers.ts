/** Headers a dead letter carries besides the original message's own. */
export const DeadLetterHeaders = {
  reason: 'Openday-Dead-Letter-Reason',
  consumer: 'Openday-Dead-Letter-Consumer',
  deliveries: 'Openday-Dead-Letter-Deliveries',
  failedAt: 'Openday-Dead-Letter-Failed-At',
  originalSubject: 'Openday-Original-Subject',
  originalStream: 'Openday-Original-Stream',
  originalSequence: 'Openday-Original-Sequence',
} as const;

/** Reasons can hold user data echoes; keep them bounded and on one line. */
export function headerSafe(text: string, max = 1000): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
