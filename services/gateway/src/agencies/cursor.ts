import { ProblemException } from '@openday/platform';

/** An opaque keyset cursor holding the sort key of the last item on the previous page. */
export function encodeCursor(kind: string, key: string[]): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, size: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === size + 1 &&
      value[0] === kind &&
      value.every((part) => typeof part === 'string' && part.length <= 200)
    ) {
      return value.slice(1) as string[];
    }
  } catch {
    // reported below
  }
  throw new ProblemException({
    status: 400,
    detail: 'The cursor is not one this API issued.',
    errors: [{ field: 'cursor', rule: 'cursor', message: 'cursor must be a value returned as nextCursor' }],
  });
}
