import type { Actor } from '@openday/contracts';
import { CITY_OFFICE_AGENCY_ID, roleFitsAgency as fitsAgency, rolesGrantableBy as grantableBy, type StaffRole } from '@openday/domain';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** A refusal: the HTTP status, the detail, and the field it is about. */
export interface RuleViolation {
  status: 403 | 409 | 422;
  detail: string;
  field?: string;
}

/** The roles a caller may give (libs/domain's rule): the city office any staff role; an agency admin the roles inside an agency. */
export function rolesGrantableBy(actor: Actor): StaffRole[] {
  return grantableBy(actor.role);
}

/** City-office accounts belong to the city office agency, and only there: 422 otherwise. */
export function roleFitsAgency(role: StaffRole, agencyId: string): RuleViolation | undefined {
  if (!fitsAgency(role, agencyId)) {
    return { status: 422, field: 'role', detail: `The city-office role belongs to the ${CITY_OFFICE_AGENCY_ID} agency only.` };
  }
  return undefined;
}

export function checkNewAccount(actor: Actor | undefined, role: StaffRole, agencyId: string): RuleViolation | undefined {
  if (actor && !rolesGrantableBy(actor).includes(role)) {
    return { status: 403, field: 'role', detail: `You may not give the ${role} role.` };
  }
  return roleFitsAgency(role, agencyId);
}

export interface AccountChange {
  role?: StaffRole;
  disabled?: boolean;
  password?: string;
  displayName?: string;
}

export interface TargetAccount {
  id: string;
  role: StaffRole;
  agencyId: string;
}

/**
 * Whether the caller may make the change to a staff account of an agency they can see.
 * Nobody changes their own role or disables themselves (an agency cannot lose its last
 * admin by accident); agency admins leave city-office accounts alone.
 */
export function checkAccountChange(actor: Actor, target: TargetAccount, change: AccountChange): RuleViolation | undefined {
  const grantable = rolesGrantableBy(actor);
  if (!grantable.includes(target.role)) {
    return { status: 403, detail: `You may not change ${target.role} accounts.` };
  }
  if (change.role !== undefined && change.role !== target.role) {
    if (actor.userId === target.id) return { status: 409, field: 'role', detail: 'You cannot change your own role.' };
    if (!grantable.includes(change.role)) return { status: 403, field: 'role', detail: `You may not give the ${change.role} role.` };
    const fit = roleFitsAgency(change.role, target.agencyId);
    if (fit) return fit;
  }
  if (change.disabled === true && actor.userId === target.id) {
    return { status: 409, field: 'disabled', detail: 'You cannot disable your own account.' };
  }
  return undefined;
}
