import { ProblemException } from '@openday/platform';

/** Opaque keyset cursor: the last item's time and id. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify(['n', at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(text: string): { at: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value[0] === 'n' && typeof value[1] === 'string' && typeof value[2] === 'string') {
      const at = new Date(value[1]);
      if (!Number.isNaN(at.getTime()) && /^[0-9a-f-]{36}$/.test(value[2])) return { at, id: value[2] };
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
