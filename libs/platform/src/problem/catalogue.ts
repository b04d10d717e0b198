import { problemEntry, type ProblemCode } from '@openday/contracts';
import { ProblemException, type FieldProblem } from './problem';

interface ProblemText {
  /** What happened this time, in a sentence for the reader; the catalogue's title says what kind of refusal it is. */
  detail?: string;
  /** Kept on the exception for the log, never in the body. */
  cause?: unknown;
}

/** The detail, and either the failed fields in full or the one field and rule it is about (its message is the detail). */
export type ProblemDetails = ProblemText & ({ errors?: FieldProblem[]; field?: never; rule?: never } | { field: string; rule: string; errors?: never });

/**
 * A refusal from the catalogue (`@openday/contracts`' PROBLEMS): its type,
 * status and title come from the code, so every service answers the same
 * refusal the same way. `throw problem('duplicate-application', { detail })`.
 */
export function problem(code: ProblemCode, details: ProblemDetails = {}): ProblemException {
  const { type, status, title } = problemEntry(code);
  const errors = details.field === undefined ? details.errors : [{ field: details.field, rule: details.rule, message: details.detail ?? title }];
  return new ProblemException(
    { type, status, title, ...(details.detail === undefined ? {} : { detail: details.detail }), ...(errors === undefined ? {} : { errors }) },
    details.cause === undefined ? undefined : { cause: details.cause },
  );
}
