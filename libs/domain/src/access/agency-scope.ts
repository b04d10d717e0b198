/**
 * Agency isolation (domain.md "Who uses it"): the city office sees every agency; the people of an
 * agency see only their own; anything else is answered as if it did not exist (404). Which of an
 * agency's roles count depends on the data: plans and feedback are the admin's and staff's,
 * the gateway's staff operations are for every role an agency's people hold.
 */

/** The roles of an agency's own organisers: its admin and its staff. */
export const AGENCY_ROLES: readonly string[] = ['agency-admin', 'agency-staff'];

/** Every role a person working for an agency holds in the console. */
export const AGENCY_STAFF_ROLES: readonly string[] = ['agency-admin', 'agency-staff', 'reviewer', 'department-handler'];

export interface ScopedActor {
  role: string;
  agencyId?: string | null;
}

export function canSeeAgency(actor: ScopedActor, agencyId: string, roles: readonly string[] = AGENCY_ROLES): boolean {
  if (actor.role === 'city-office') return true;
  return roles.includes(actor.role) && !!actor.agencyId && actor.agencyId === agencyId;
}
