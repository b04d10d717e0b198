/** The audit log as plain functions: the actions and targets it names, its filters as the API takes them, an entry's details in words. */
import type { components } from '../../api/schema';

export type AuditEntry = components['schemas']['AuditEntryDto'];

/** Every action the platform records (services/gateway: the accounts, agencies and @Audited routes). */
export const AUDIT_ACTIONS = [
  'account.created',
  'account.renamed',
  'account.role-changed',
  'account.disabled',
  'account.enabled',
  'account.password-reset',
  'account.password-changed',
  'account.email-changed',
  'account.email-removed',
  'agency.created',
  'agency.updated',
  'agency.activated',
  'agency.deactivated',
  'plan.approved',
  'plan.returned',
  'open-day-change.approved',
  'open-day-change.returned',
  'open-day.cancelled',
  'open-day.summary-filed',
  'selection.decided',
  'selection.completed',
  'selection.joint-review-signed',
  'ticket.revoked',
  'applications.exported',
  'feedback.assigned',
  'feedback.answered',
  'district.added',
  'district.changed',
  'personal-data.read',
  'personal-data.erased',
] as const;

export const TARGET_TYPES = ['staff-account', 'agency', 'plan', 'open-day', 'open-day-change', 'ticket', 'feedback', 'district', 'session', 'department', 'citizen-account', 'delivery-log'] as const;

/** The lists a staff read of personal data names (action personal-data.read). */
export const PERSONAL_DATA_LISTS = ['applicants', 'selection', 'joint-review', 'roster', 'roster-csv', 'check-in', 'feedback', 'department-feedback', 'deliveries'] as const;

export interface AuditFilters {
  action: string;
  targetType: string;
  agencyId: string;
  actorId: string;
  targetId: string;
  /** Staff reads of one list. */
  list: string;
}

export const NO_FILTERS: AuditFilters = { action: '', targetType: '', agencyId: '', actorId: '', targetId: '', list: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query for one page: only filters the API would accept (a half-typed id is left out rather than refused). */
export function auditQuery(filters: AuditFilters, cursor: string | undefined, limit: number) {
  const targetId = filters.targetId.trim();
  return {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(/^[a-z][a-z0-9.-]{1,63}$/.test(filters.action) ? { action: filters.action } : {}),
    ...(/^[a-z][a-z0-9-]{1,31}$/.test(filters.targetType) ? { targetType: filters.targetType } : {}),
    ...(/^[a-z0-9][a-z0-9-]{1,63}$/.test(filters.agencyId) ? { agencyId: filters.agencyId } : {}),
    ...(UUID.test(filters.actorId) ? { actorId: filters.actorId } : {}),
    ...(targetId && targetId.length <= 128 ? { targetId } : {}),
    ...((PERSONAL_DATA_LISTS as readonly string[]).includes(filters.list) ? { list: filters.list as (typeof PERSONAL_DATA_LISTS)[number] } : {}),
  };
}

export function isKnownAction(action: string): action is (typeof AUDIT_ACTIONS)[number] {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

const ROLE_VALUES = new Set(['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler', 'citizen']);
export const DETAIL_LABELS = ['username', 'role', 'from', 'to', 'name', 'kind', 'district', 'active', 'comments', 'reason', 'list', 'openDayId', 'sessionId', 'people', 'erased', 'kept'] as const;

/** Who was in a list read: the count says it; the ids are for the citizen's own access list, not for reading here. */
const HIDDEN_DETAILS = new Set(['personIds']);

/**
 * An entry's details as "label: value" parts: known keys by their label, role codes by the role's
 * name, lists joined; anything else as the server wrote it.
 */
export function detailParts(
  details: Record<string, unknown>,
  words: { label: (key: (typeof DETAIL_LABELS)[number]) => string; role: (role: string) => string; yes: string; no: string; list?: (list: string) => string },
): string[] {
  return Object.entries(details).filter(([key]) => !HIDDEN_DETAILS.has(key)).map(([key, value]) => {
    if (key === 'list' && typeof value === 'string' && words.list && (PERSONAL_DATA_LISTS as readonly string[]).includes(value)) return `${words.label('list')}：${words.list(value)}`;
    const label = (DETAIL_LABELS as readonly string[]).includes(key) ? words.label(key as (typeof DETAIL_LABELS)[number]) : key;
    return `${label}：${detailValue(value, words)}`;
  });
}

function detailValue(value: unknown, words: { role: (role: string) => string; yes: string; no: string }): string {
  if (typeof value === 'string') return ROLE_VALUES.has(value) ? words.role(value) : value;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((item) => detailValue(item, words)).join('、');
  return JSON.stringify(value);
}
