import type { Actor } from '@openday/contracts';
import { checkAccountChange, checkNewAccount, rolesGrantableBy } from './account-rules';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';

const cityOffice: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'city-office', agencyId: 'city-office' };
const waterAdmin: Actor = { userId: '00000000-0000-4000-8000-000000000002', role: 'agency-admin', agencyId: 'water-affairs-bureau' };
const waterStaff: Actor = { userId: '00000000-0000-4000-8000-000000000003', role: 'agency-staff', agencyId: 'water-affairs-bureau' };
const staffTarget = { id: waterStaff.userId, role: 'agency-staff' as const, agencyId: 'water-affairs-bureau' };

describe('who may give which role', () => {
  it.each<[string, Actor, string[]]>([
    ['the city office: every staff role', cityOffice, ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['an agency admin: the roles inside an agency', waterAdmin, ['agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency staff: none', waterStaff, []],
    ['a citizen: none', { userId: waterStaff.userId, role: 'citizen' }, []],
  ])('%s', (_label, actor, roles) => {
    expect(rolesGrantableBy(actor)).toEqual(roles);
  });
});

describe('new accounts', () => {
  it.each<[string, Actor | undefined, Parameters<typeof checkNewAccount>[1], string, number | undefined]>([
    ['agency admin creates staff', waterAdmin, 'agency-staff', 'water-affairs-bureau', undefined],
    ['agency admin creates a city-office account', waterAdmin, 'city-office', 'city-office', 403],
    ['city office creates a city-office account in the city office', cityOffice, 'city-office', 'city-office', undefined],
    ['city office creates a city-office account elsewhere', cityOffice, 'city-office', 'tax-bureau', 422],
    ['the seed creates anything that fits', undefined, 'reviewer', 'tax-bureau', undefined],
  ])('%s', (_label, actor, role, agency, status) => {
    expect(checkNewAccount(actor, role, agency)?.status).toBe(status);
  });
});

describe('account changes', () => {
  it.each<[string, Actor, Parameters<typeof checkAccountChange>[1], Parameters<typeof checkAccountChange>[2], number | undefined]>([
    ['admin makes staff a reviewer', waterAdmin, staffTarget, { role: 'reviewer' }, undefined],
    ['admin disables staff', waterAdmin, staffTarget, { disabled: true }, undefined],
    ['admin makes staff city office', waterAdmin, staffTarget, { role: 'city-office' }, 403],
    ['city office makes staff city office outside the city office agency', cityOffice, staffTarget, { role: 'city-office' }, 422],
    ['admin demotes themselves', waterAdmin, { id: waterAdmin.userId, role: 'agency-admin', agencyId: 'water-affairs-bureau' }, { role: 'agency-staff' }, 409],
    ['admin disables themselves', waterAdmin, { id: waterAdmin.userId, role: 'agency-admin', agencyId: 'water-affairs-bureau' }, { disabled: true }, 409],
    ['admin renames themselves', waterAdmin, { id: waterAdmin.userId, role: 'agency-admin', agencyId: 'water-affairs-bureau' }, { displayName: 'x' }, undefined],
    ['admin touches a city-office account', waterAdmin, { id: cityOffice.userId, role: 'city-office', agencyId: 'city-office' }, { displayName: 'x' }, 403],
  ])('%s', (_label, actor, target, change, status) => {
    expect(checkAccountChange(actor, target, change)?.status).toBe(status);
  });
});

describe('passwords', () => {
  it('are hashed with argon2id, salted, and verified', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse battery!')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyAgainstNothing('x')).toBe(false);
  });
});
