import { problem } from '../problem/catalogue';
import type { ProblemException } from '../problem/problem';

/** What one position of a keyset cursor holds, and how it is checked when a client hands it back. */
export type CursorPart = 'uuid' | 'timestamp' | 'date' | 'sequence' | 'integer' | 'text';

type PartValue<P extends CursorPart> = P extends 'integer' ? number : string;
export type CursorValues<P extends readonly CursorPart[]> = { -readonly [K in keyof P]: PartValue<P[K]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SEQUENCE = /^[1-9]\d{0,18}$/;
const MAX_TEXT = 200;

const isValid: Record<CursorPart, (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  timestamp: (value) => typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)),
  date: (value) => typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)),
  sequence: (value) => typeof value === 'string' && SEQUENCE.test(value),
  integer: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  text: (value) => typeof value === 'string' && value.length <= MAX_TEXT,
};

/** The 400 problem for a cursor this API did not issue, naming the field. */
export function invalidCursorProblem(field = 'cursor'): ProblemException {
  return problem('invalid-input', {
    detail: 'The cursor is not one this API issued.',
    errors: [{ field, rule: 'cursor', message: `${field} must be a value returned as nextCursor` }],
  });
}

export interface KeysetCursor<P extends readonly CursorPart[]> {
  /** The opaque text handed to the client as nextCursor. */
  encode(values: CursorValues<P>): string;
  /** The values, or undefined when the text is not a cursor of this kind. */
  decode(text: string): CursorValues<P> | undefined;
  /** The values, or a 400 problem naming the field. */
  read(text: string, field?: string): CursorValues<P>;
  /**
   * One page from rows fetched in cursor order with `LIMIT limit + 1`: the first `limit`, and the
   * cursor after the last of them (its sort key by `keyOf`) when the extra row shows there are more.
   */
  page<R>(rows: R[], limit: number, keyOf: (row: R) => CursorValues<P>): KeysetPage<R>;
}

export interface KeysetPage<R> {
  items: R[];
  nextCursor: string | null;
}

/**
 * An opaque keyset cursor: the sort key of the last item on a page, as base64url JSON tagged with
 * `kind`, so a cursor of one list is refused by another. Every part is checked when it comes back.
 */
export function keysetCursor<const P extends readonly CursorPart[]>(kind: string, parts: P): KeysetCursor<P> {
  const decode = (text: string): CursorValues<P> | undefined => {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (!Array.isArray(value) || value.length !== parts.length + 1 || value[0] !== kind) return undefined;
    const values = value.slice(1);
    return parts.every((part, i) => isValid[part](values[i])) ? (values as CursorValues<P>) : undefined;
  };
  const encode = (values: CursorValues<P>): string => Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
  return {
    encode,
    decode,
    read: (text, field) => {
      const values = decode(text);
      if (values === undefined) throw invalidCursorProblem(field);
      return values;
    },
    page: (rows, limit, keyOf) => {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last !== undefined ? encode(keyOf(last)) : null };
    },
  };
}
