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
] as const;

export const TARGET_TYPES = ['staff-account', 'agency', 'plan', 'open-day', 'open-day-change', 'ticket', 'feedback', 'district'] as const;

export interface AuditFilters {
  action: string;
  targetType: string;
  agencyId: string;
  actorId: string;
  targetId: string;
}

export const NO_FILTERS: AuditFilters = { action: '', targetType: '', agencyId: '', actorId: '', targetId: '' };

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
  };
}

export function isKnownAction(action: string): action is (typeof AUDIT_ACTIONS)[number] {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

const ROLE_VALUES = new Set(['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler', 'citizen']);
export const DETAIL_LABELS = ['username', 'role', 'from', 'to', 'name', 'kind', 'district', 'active', 'comments', 'reason'] as const;

/**
 * An entry's details as "label: value" parts: known keys by their label, role codes by the role's
 * name, lists joined; anything else as the server wrote it.
 */
export function detailParts(
  details: Record<string, unknown>,
  words: { label: (key: (typeof DETAIL_LABELS)[number]) => string; role: (role: string) => string; yes: string; no: string },
): string[] {
  return Object.entries(details).map(([key, value]) => {
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
