/**
 * Every refusal the platform answers with, once: a kebab-case code, the HTTP
 * status and the title. A typed problem's `type` URI is the code under
 * PROBLEM_TYPE_BASE, so the two cannot drift apart; the generic ones are
 * `about:blank` with the status phrase as title (RFC 9457 §4.2.1), where the
 * status says all a client needs and the detail the rest.
 *
 * Services throw them with `problem(code, { detail, errors })` from
 * `@openday/platform`; the gateway's OpenAPI document lists them (its
 * `Problem` schema), and a test there checks both agree. The web reads the
 * code back from the `type` (problemCodeOf) to say it in the reader's language.
 */
export const PROBLEM_TYPE_BASE = 'https://openday.example/problems/';

/** A refusal is always a 4xx or 5xx. */
export type ProblemHttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503 | 504;

interface ProblemDefinition {
  status: ProblemHttpStatus;
  title: string;
  /** `about:blank`: the status says it all; the title is its phrase. */
  generic?: true;
}

export const PROBLEMS = {
  // Generic: about:blank, the status and its phrase.
  'invalid-input': { status: 400, title: 'Bad Request', generic: true },
  'sign-in-required': { status: 401, title: 'Unauthorized', generic: true },
  'not-allowed': { status: 403, title: 'Forbidden', generic: true },
  'not-found': { status: 404, title: 'Not Found', generic: true },
  conflict: { status: 409, title: 'Conflict', generic: true },
  unprocessable: { status: 422, title: 'Unprocessable Entity', generic: true },
  'internal-error': { status: 500, title: 'Internal Server Error', generic: true },
  'service-failed': { status: 502, title: 'Bad Gateway', generic: true },
  'service-unavailable': { status: 503, title: 'Service Unavailable', generic: true },
  'service-timeout': { status: 504, title: 'Gateway Timeout', generic: true },

  // Access and sign-in (gateway).
  unauthenticated: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'no-access-rule': { status: 403, title: 'No access rule' },
  'rate-limited': { status: 429, title: 'Too Many Requests' },
  'sign-in-refused': { status: 401, title: 'Unauthorized' },
  'sign-in-code-refused': { status: 401, title: 'Unauthorized' },
  'sign-in-code-rate-limited': { status: 429, title: 'Too Many Requests' },
  'refresh-token-refused': { status: 401, title: 'Unauthorized' },
  'refresh-token-reused': { status: 401, title: 'Unauthorized' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused' },
  'idempotency-key-in-progress': { status: 409, title: 'Request in progress' },
  'agency-exists': { status: 409, title: 'Agency exists' },
  'username-taken': { status: 409, title: 'Username taken' },

  // Plans, the working-day calendar and changes to a published open day (scheduling).
  'plan-state': { status: 409, title: 'Plan state conflict' },
  'filing-late': { status: 422, title: 'Filed too late' },
  'calendar-year-missing': { status: 422, title: 'Working-day calendar incomplete' },
  'change-pending': { status: 409, title: 'A change is already waiting' },
  'open-day-change-refused': { status: 422, title: 'The change cannot be made' },
  'open-day-change-places-taken': { status: 409, title: 'The change leaves too few places' },

  // Applications (registration).
  'citizens-only': { status: 403, title: 'Citizens only' },
  'open-day-cancelled': { status: 422, title: 'Open day cancelled' },
  'not-taking-applications': { status: 422, title: 'Not taking applications' },
  'registration-not-open': { status: 422, title: 'Registration not open yet' },
  'registration-closed': { status: 422, title: 'Registration closed' },
  'ineligible-applicant': { status: 422, title: 'Not eligible' },
  'duplicate-application': { status: 409, title: 'Already applied' },
  'open-day-passed': { status: 422, title: 'Open day has taken place' },

  // Selection and joint review (vetting).
  'selection-mode': { status: 409, title: 'Not chosen by the selection group' },
  'selection-rule': { status: 409, title: 'Breaks a selection rule' },
  'applicant-state': { status: 409, title: "Not possible in the applicant's state" },

  // Tickets and check-in (scheduling's admission).
  'ticket-revoked': { status: 409, title: 'Ticket revoked' },
  'ticket-no-longer-revocable': { status: 409, title: 'Ticket already used' },
  'already-checked-in': { status: 409, title: 'Already checked in' },
  'outside-check-in-window': { status: 422, title: 'Outside the check-in window' },
  'real-name-check-failed': { status: 422, title: 'Real-name check failed' },

  // Feedback and surveys.
  'not-checked-in': { status: 409, title: 'Not checked in' },
  'session-not-started': { status: 409, title: 'Session not started' },
  'feedback-state': { status: 409, title: 'Not possible in the feedback state' },
  'survey-already-answered': { status: 409, title: 'Already answered' },
  'survey-locked': { status: 409, title: 'Survey answered already' },
  'open-day-not-ended': { status: 409, title: 'Open day not ended' },
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof PROBLEMS;

/** The status a code is answered with, as a literal type: `ProblemStatusOf<'duplicate-application'>` is 409. */
export type ProblemStatusOf<C extends ProblemCode> = (typeof PROBLEMS)[C]['status'];

/** The codes answered with one status, e.g. `ProblemCodeWithStatus<422>`. */
export type ProblemCodeWithStatus<S extends ProblemHttpStatus> = { [C in ProblemCode]: ProblemStatusOf<C> extends S ? C : never }[ProblemCode];

export interface ProblemEntry {
  code: ProblemCode;
  /** `about:blank` for the generic ones, else PROBLEM_TYPE_BASE + code. */
  type: string;
  status: ProblemHttpStatus;
  title: string;
}

export function problemEntry(code: ProblemCode): ProblemEntry {
  const definition: ProblemDefinition = PROBLEMS[code];
  return { code, type: definition.generic ? 'about:blank' : `${PROBLEM_TYPE_BASE}${code}`, status: definition.status, title: definition.title };
}

/** The whole catalogue, in its order. */
export function problemCatalogue(): ProblemEntry[] {
  return (Object.keys(PROBLEMS) as ProblemCode[]).map(problemEntry);
}

export function isProblemCode(value: string): value is ProblemCode {
  return Object.hasOwn(PROBLEMS, value);
}

/**
 * The code a typed problem's `type` names, or undefined for `about:blank` and
 * anything not in the catalogue. Reads the last `/problems/<code>` segment,
 * so a type written under another host (older clients, a rules module not
 * yet on the catalogue) still resolves.
 */
export function problemCodeOf(type: string): ProblemCode | undefined {
  const code = /\/problems\/([a-z0-9-]+)$/.exec(type)?.[1];
  return code !== undefined && isProblemCode(code) && !(PROBLEMS[code] as ProblemDefinition).generic ? code : undefined;
}
