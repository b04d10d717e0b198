import { grantableRoles, roleFitsAgency, rolesGrantableBy, type StaffRole } from './account-rules';
import { AGENCY_ROLES, AGENCY_STAFF_ROLES, canSeeAgency, type ScopedActor } from './agency-scope';

describe('agency isolation: canSeeAgency', () => {
  it.each<[string, ScopedActor, readonly string[], boolean]>([
    ['the city office, any agency', { role: 'city-office', agencyId: 'city-office' }, AGENCY_ROLES, true],
    ['agency staff, their own agency', { role: 'agency-staff', agencyId: 'water' }, AGENCY_ROLES, true],
    ['an agency admin, their own agency', { role: 'agency-admin', agencyId: 'water' }, AGENCY_ROLES, true],
    ['agency staff, another agency', { role: 'agency-staff', agencyId: 'tax' }, AGENCY_ROLES, false],
    ['a reviewer of the agency, organisers only', { role: 'reviewer', agencyId: 'water' }, AGENCY_ROLES, false],
    ['a reviewer of the agency, every staff role', { role: 'reviewer', agencyId: 'water' }, AGENCY_STAFF_ROLES, true],
    ['a department handler of the agency, every staff role', { role: 'department-handler', agencyId: 'water' }, AGENCY_STAFF_ROLES, true],
    ['a department handler of another agency', { role: 'department-handler', agencyId: 'tax' }, AGENCY_STAFF_ROLES, false],
    ['staff with no agency', { role: 'agency-staff', agencyId: null }, AGENCY_ROLES, false],
    ['a citizen', { role: 'citizen' }, AGENCY_STAFF_ROLES, false],
  ])('%s → %s', (_label, actor, roles, visible) => {
    expect(canSeeAgency(actor, 'water', roles)).toBe(visible);
  });
});

describe('who may give which role', () => {
  it.each<[string, StaffRole[]]>([
    ['city-office', ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency-admin', ['agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency-staff', []],
    ['reviewer', []],
    ['citizen', []],
  ])('%s may give %j', (role, roles) => {
    expect(rolesGrantableBy(role)).toEqual(roles);
  });

  it.each<[StaffRole, string, boolean]>([
    ['city-office', 'city-office', true],
    ['city-office', 'water', false],
    ['agency-admin', 'water', true],
    ['agency-admin', 'city-office', true],
  ])('the %s role in the %s agency: %s', (role, agencyId, fits) => {
    expect(roleFitsAgency(role, agencyId)).toBe(fits);
  });

  it.each<[string, string, StaffRole[]]>([
    ['city-office', 'city-office', ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['city-office', 'water', ['agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency-admin', 'water', ['agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency-staff', 'water', []],
  ])('%s gives in %s: %j', (role, agencyId, roles) => {
    expect(grantableRoles(role, agencyId)).toEqual(roles);
  });
});
