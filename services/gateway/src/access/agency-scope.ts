import type { Actor } from '@openday/contracts';
import { AGENCY_STAFF_ROLES, canSeeAgency as canSeeAgencyAs } from '@openday/domain';
import { problem, ProblemException } from '@openday/platform';

/**
 * Agency isolation (libs/domain's rule) for the gateway's staff operations: the city office sees
 * every agency; every staff role of an agency sees only its own; citizens see none. Whatever
 * belongs to another agency is answered as if it did not exist: 404, never 403, so staff cannot
 * even learn what other agencies hold.
 */
export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  return canSeeAgencyAs(actor, agencyId, AGENCY_STAFF_ROLES);
}

/** Throws the 404 problem when the caller may not see the agency's data. */
export function assertAgencyVisible(actor: Actor, agencyId: string, what = `agency ${agencyId}`): void {
  if (!canSeeAgency(actor, agencyId)) throw notFound(what);
}

/**
 * The agency a list must be limited to: undefined for the city office (all agencies),
 * the caller's own for staff. Use it as a filter, so other agencies' rows are never read.
 */
export function agencyFilterFor(actor: Actor): string | undefined {
  if (actor.role === 'city-office') return undefined;
  if (!actor.agencyId) throw notFound('the requested data');
  return actor.agencyId;
}

export function notFound(what: string): ProblemException {
  return problem('not-found', { detail: `No ${what}.` });
}
