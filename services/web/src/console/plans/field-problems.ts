/**
 * Problems on the plan's fields, from the browser's rules or the server's RFC 9457 answer (its
 * `errors` name each field as `sessions[0].agenda[2].endsAt`), as plain functions: which
 * problems stand, and where each is, in words a clerk can find on the form.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  /** The server's own sentence (English), said when the rule has no words of ours. */
  message?: string;
}

/** One problem per field, the first; with the words for it. */
export function problemsByField(problems: readonly FieldProblem[], say: (problem: FieldProblem) => string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const problem of problems) byField[problem.field] ??= say(problem);
  return byField;
}

/** The first of these fields that has a problem (a list-level problem shows on the list's first field). */
export function firstProblem(byField: Readonly<Record<string, string>>, fields: readonly string[]): string | undefined {
  for (const field of fields) if (byField[field] !== undefined) return byField[field];
  return undefined;
}

/**
 * The paths of what changed in antd's onValuesChange (a partial, with sparse arrays for list
 * items): { sessions: [, { date: 'x' }] } → ['sessions[1].date'].
 */
export function changedPaths(changed: unknown, prefix = ''): string[] {
  if (Array.isArray(changed)) {
    // A whole list replaced (an item added, removed or moved): the list itself changed.
    if (changed.length === 0 || Object.keys(changed).length === changed.length) {
      const items = changed.flatMap((item, i) => (isBranch(item) ? changedPaths(item, `${prefix}[${i}]`) : []));
      return [prefix, ...items];
    }
    return Object.keys(changed).flatMap((i) => changedPaths(changed[Number(i)], `${prefix}[${i}]`));
  }
  if (isBranch(changed)) {
    return Object.entries(changed as Record<string, unknown>).flatMap(([key, value]) => changedPaths(value, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function isBranch(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** Whether a problem on `field` is about what changed at `path`: the same field, one inside it, or the list holding it. */
function touches(field: string, path: string): boolean {
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return within(field, path) || within(path, field);
}

/** The server's problems that still stand once these paths changed (the person is fixing the others). */
export function standingProblems(problems: readonly FieldProblem[], changed: readonly string[]): FieldProblem[] {
  return problems.filter((problem) => !changed.some((path) => path !== '' && touches(problem.field, path)));
}

export interface PathPart {
  /** The word key under console.plans.where (lists and groups) or console.plans.fields (the field). */
  key: string;
  /** The item's number, counted from 1, for list items. */
  n?: number;
}

const LIST_WORDS: Record<string, string> = {
  sessions: 'session',
  agenda: 'agendaItem',
  venues: 'venue',
  quotas: 'quota',
  notices: 'notice',
  forms: 'form',
  districts: 'district',
  coSigningDepartments: 'department',
  releasedTicketIds: 'releasedTicket',
};

/**
 * Where a problem is, as parts to put in words: 'sessions[0].agenda[2].endsAt' →
 * [{where.session, 1}, {where.agendaItem, 3}, {fields.endsAt}].
 */
export function pathParts(field: string): PathPart[] {
  const segments = field.split('.').filter(Boolean);
  return segments.flatMap<PathPart>((segment, index) => {
    const match = /^([A-Za-z-]+)\[(\d+)\]$/.exec(segment);
    if (match && LIST_WORDS[match[1]]) return [{ key: `where.${LIST_WORDS[match[1]]}`, n: Number(match[2]) + 1 }];
    // A group (eligibility.minAge): the field's own word says enough.
    if (index < segments.length - 1 && !match) return [];
    return [{ key: `fields.${match ? match[1] : segment}` }];
  });
}

/**
 * The plan form's fields from top to bottom (sections, then the fields within a list item), so the
 * list of problems reads in the order the clerk meets them on the page; a field not named here
 * (another form's, like a change's reason) comes after, as it came.
 */
const FORM_ORDER = [
  'title',
  'theme',
  'forms',
  'selectionMode',
  'sessions',
  'date',
  'startsAt',
  'endsAt',
  'capacity',
  'mediaPlaces',
  'agenda',
  'activity',
  'venue',
  'venues',
  'name',
  'address',
  'assemblyPoint',
  'transport',
  'quotas',
  'category',
  'places',
  'minOrdinaryShare',
  'mediaOutsideQuota',
  'eligibility',
  'minAge',
  'maxAge',
  'districts',
  'publishAt',
  'registrationOpensAt',
  'registrationClosesAt',
  'coSigningDepartments',
  'notices',
];

/** 'sessions[1].agenda[0].endsAt' → [rank of sessions, 1, rank of agenda, 0, rank of endsAt, -1]: compared part by part. */
function orderKey(field: string): number[] {
  return field
    .split('.')
    .filter(Boolean)
    .flatMap((segment) => {
      const match = /^([A-Za-z-]+)(?:\[(\d+)\])?$/.exec(segment);
      const rank = FORM_ORDER.indexOf(match?.[1] ?? segment);
      return [rank === -1 ? FORM_ORDER.length : rank, match?.[2] === undefined ? -1 : Number(match[2])];
    });
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The problems in the order of their fields on the form (a stable sort: one field's problems keep their order). */
export function inFormOrder<P extends FieldProblem>(problems: readonly P[]): P[] {
  return [...problems].sort((a, b) => compareKeys(orderKey(a.field), orderKey(b.field)));
}
