import { ProblemException } from '@openday/platform';

/** Opaque keyset cursor of the plan list (newest first): the (createdAt, id) of the last plan on the previous page. */
export interface PlanCursor {
  createdAt: string;
  id: string;
}

export function encodePlanCursor(cursor: PlanCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodePlanCursor(text: string): PlanCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [createdAt, id] = value as [string, string];
      if (!Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
    }
  } catch {
    // Falls through: the caller reports a cursor it cannot read.
  }
  return undefined;
}

/** The cursor of a list query, or a 400 naming the field when it is not one this API issued. */
export function readPlanCursor(text: string): PlanCursor {
  const cursor = decodePlanCursor(text);
  if (cursor) return cursor;
  throw new ProblemException({
    status: 400,
    detail: 'The cursor is not one this API issued.',
    errors: [{ field: 'cursor', rule: 'cursor', message: 'cursor must be a value returned as nextCursor' }],
  });
}
