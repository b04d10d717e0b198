import { randomUUID } from 'node:crypto';
import { OPEN_DAY_CHANGEABLE_FIELDS_V2, type OpenDayChangeContent, type OpenDayChangeInput, type OpenDayChangeView, type OpenDayChangeableFieldV2 } from '@openday/contracts';
import { canonicalSessions, changedFields, type CanonicalContent } from '../plans/plan-mapping';
import type { OpenDayChange } from './open-day-change-store';

/**
 * The plan's content with the change's parts put in. A new session gets its id now, so the
 * change shows the id the session will have and approval creates exactly that session.
 */
export function withChange(current: CanonicalContent, input: OpenDayChangeInput): CanonicalContent {
  return {
    ...current,
    ...(input.sessions ? { sessions: canonicalSessions(input.sessions).map((s) => ({ ...s, id: s.id ?? randomUUID() })) } : {}),
    ...(input.venues ? { venues: input.venues.map((v) => ({ name: v.name, address: v.address })) } : {}),
    ...(input.assemblyPoint !== undefined ? { assemblyPoint: input.assemblyPoint } : {}),
    ...(input.eligibility
      ? { eligibility: { minAge: input.eligibility.minAge, maxAge: input.eligibility.maxAge ?? null, districts: [...input.eligibility.districts] } }
      : {}),
    ...(input.notices ? { notices: [...input.notices] } : {}),
  };
}

/** The changeable fields that differ, in the contract's order. */
export function changedContentFields(before: CanonicalContent, after: CanonicalContent): OpenDayChangeableFieldV2[] {
  const changed = new Set(changedFields(before, after));
  return OPEN_DAY_CHANGEABLE_FIELDS_V2.filter((field) => changed.has(field));
}

/** The current content with only the changed fields of the change put in (a notices correction made meanwhile stays). */
export function appliedContent(current: CanonicalContent, after: OpenDayChangeContent, fields: readonly OpenDayChangeableFieldV2[]): CanonicalContent {
  const parts = Object.fromEntries(fields.map((field) => [field, field === 'sessions' ? canonicalSessions(after.sessions) : after[field]]));
  return { ...current, ...parts };
}

export function changeContent(content: CanonicalContent): OpenDayChangeContent {
  return {
    sessions: content.sessions.map((s) => ({ ...s, id: s.id! })),
    venues: content.venues.map((v) => ({ ...v })),
    assemblyPoint: content.assemblyPoint,
    eligibility: { ...content.eligibility, districts: [...content.eligibility.districts] },
    notices: [...content.notices],
  };
}

export function changeView(change: OpenDayChange): OpenDayChangeView {
  return {
    id: change.id,
    planId: change.planId,
    openDayId: change.openDayId,
    agencyId: change.agencyId,
    title: change.title,
    status: change.status,
    review: change.review,
    changedFields: change.changedFields,
    before: change.before,
    after: change.after,
    releasedTicketIds: change.releasedTicketIds,
    reason: change.reason,
    comments: change.comments,
    submittedAt: change.submittedAt.toISOString(),
    decidedAt: change.decidedAt?.toISOString() ?? null,
    decidedBy: change.decidedBy,
  };
}
