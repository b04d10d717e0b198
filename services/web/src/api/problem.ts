import type { TFunction } from 'i18next';
import type { components } from './schema';

/**
 * RFC 9457 problem details as the OpenAPI document describes the gateway's: `errors` names each
 * bad field with a dotted path such as `members[2].idNumber` and the rule it broke.
 */
export type FieldProblem = components['schemas']['FieldProblem'];

/** `instance` is absent on problems the portal makes itself (no network, an unreadable answer). */
export type Problem = Omit<components['schemas']['Problem'], 'instance'> & {
  instance?: string;
  /** Seconds from the Retry-After header of a 429, added by the client (not part of the body). */
  retryAfterSeconds?: number;
};

/** i18next's `t` (from useTranslation or i18n.t). */
export type Translate = TFunction;

// Asked for as the default value, so a key without a translation is told apart from one with it.
const MISSING = '\u0000missing';

function lookup(t: Translate, key: string, values: Record<string, unknown> = {}): string | undefined {
  const text = t(key, { ...values, defaultValue: MISSING });
  return text === MISSING ? undefined : text;
}

const HAN = /\p{Script=Han}/u;

export function isProblem(value: unknown): value is Problem {
  const candidate = value as Partial<Problem> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number'
  );
}

/** The problem to show for a response that carried no problem body (a proxy's 502, an HTML error page). */
export function problemFromStatus(status: number): Problem {
  return { type: 'about:blank', title: `HTTP ${status}`, status };
}

/** The problem to show when the request never got an answer. */
export function networkProblem(): Problem {
  return { type: 'network', title: 'Network error', status: 0 };
}

/**
 * One message per field, the first rule broken. A known rule is said in the
 * reader's language (`problems.rules.<rule>`); otherwise the server's message.
 */
export function fieldErrors(problem: Problem | undefined, t?: Translate): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    if (messages[error.field]) continue;
    messages[error.field] = (t && lookup(t, `problems.rules.${error.rule}`)) ?? error.message;
  }
  return messages;
}

/**
 * What went wrong, in words for a citizen, never a stack trace: a known problem
 * type in the reader's language first. The gateway's own sentences are English,
 * so an English reader gets them next (they are the most precise), unless they
 * are in Chinese; a Chinese reader gets the status said in Chinese instead.
 */
export function describeProblem(problem: Problem, t: Translate, language: string): string {
  const values = { seconds: problem.retryAfterSeconds ?? '', detail: problem.detail ?? '' };
  const known = translatedType(problem, t, values) ?? (hasFieldErrors(problem) ? lookup(t, 'problems.invalidFields', values) : undefined);
  if (known) return known;
  const serverText = readableServerText(problem);
  const english = language.startsWith('en');
  if (english && serverText && !HAN.test(serverText)) return serverText;
  if (!english && serverText && HAN.test(serverText)) return serverText;
  return lookup(t, `problems.status.${statusGroup(problem.status)}`, values) ?? FALLBACK;
}

const FALLBACK = 'Something went wrong. Please try again later.';

/** `https://openday.example/problems/session-full` → `session-full`; services use more than one host. */
export function problemSlug(problem: Problem): string | undefined {
  if (problem.type === 'network') return 'network';
  return /\/problems\/([a-z0-9-]+)$/.exec(problem.type)?.[1];
}

function translatedType(problem: Problem, t: Translate, values: Record<string, unknown>): string | undefined {
  // The rate-limit sentences say how long to wait; without Retry-After the plain 429 sentence says it better.
  if (problem.status === 429 && problem.retryAfterSeconds === undefined) return undefined;
  const slug = problemSlug(problem);
  return slug ? lookup(t, `problems.types.${slug}`, values) : undefined;
}

function hasFieldErrors(problem: Problem): boolean {
  return problem.status === 400 && (problem.errors?.length ?? 0) > 0;
}

function readableServerText(problem: Problem): string | undefined {
  const text = problem.detail ?? (problem.type === 'about:blank' ? undefined : problem.title);
  return text && !looksLikeCode(text) ? text : undefined;
}

/** Status codes said in words when nothing more precise is known. */
function statusGroup(status: number): string {
  if (status === 0) return 'network';
  if ([401, 403, 404, 409, 413, 422, 429].includes(status)) return String(status);
  if (status >= 500) return '5xx';
  return '4xx';
}

function looksLikeCode(text: string): boolean {
  return /\n\s+at\s|\w+Error:|Exception\b/.test(text);
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
