import { ProblemException } from '@openday/platform';

/** Opaque keyset cursor of a department's joint-review worklist (soonest first): the (first date, id) of the last open day on the previous page. */
export interface JointReviewCursor {
  date: string;
  id: string;
}

export function encodeJointReviewCursor(cursor: JointReviewCursor): string {
  return Buffer.from(JSON.stringify([cursor.date, cursor.id])).toString('base64url');
}

export function decodeJointReviewCursor(text: string): JointReviewCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [date, id] = value as [string, string];
      if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { date, id };
    }
  } catch {
    // Reported below.
  }
  throw new ProblemException({
    status: 400,
    detail: 'The cursor is not one this API issued.',
    errors: [{ field: 'cursor', rule: 'cursor', message: 'cursor must be a value returned as nextCursor' }],
  });
}
