export { CITY_OFFICE_AGENCY_ID, grantableRoles, roleFitsAgency, rolesGrantableBy, STAFF_ROLES, type StaffRole } from './account-rules';
export { AGENCY_ROLES, AGENCY_STAFF_ROLES, canSeeAgency, type ScopedActor } from './agency-scope';
