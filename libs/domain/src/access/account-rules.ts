/**
 * Who may give which staff role (domain.md "Who uses it"): the city office any role, an agency
 * admin any role but the city office's; the city-office role exists only in the city-office
 * agency. The gateway refuses by it, the console offers only what it allows.
 */

export const STAFF_ROLES = ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The agency the city office's own accounts belong to. */
export const CITY_OFFICE_AGENCY_ID = 'city-office';

/** The roles someone in `actorRole` may give at all, in any agency. */
export function rolesGrantableBy(actorRole: string): StaffRole[] {
  if (actorRole === 'city-office') return [...STAFF_ROLES];
  if (actorRole === 'agency-admin') return STAFF_ROLES.filter((role) => role !== 'city-office');
  return [];
}

/** City-office accounts belong to the city-office agency, and only there. */
export function roleFitsAgency(role: StaffRole, agencyId: string): boolean {
  return role !== 'city-office' || agencyId === CITY_OFFICE_AGENCY_ID;
}

/** The roles someone in `actorRole` may give on an account of `agencyId`. */
export function grantableRoles(actorRole: string, agencyId: string): StaffRole[] {
  return rolesGrantableBy(actorRole).filter((role) => roleFitsAgency(role, agencyId));
}
