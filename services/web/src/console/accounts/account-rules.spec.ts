import {
  accountEdit,
  accountRows,
  emailProblem,
  allowedChanges,
  generatePassword,
  grantableRoles,
  newAccountBody,
  passwordFrom,
  type AccountForm,
  type StaffAccount,
} from './account-rules';

describe('grantableRoles', () => {
  it.each([
    ['city-office', 'water-affairs-bureau', ['agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['city-office', 'city-office', ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency-admin', 'water-affairs-bureau', ['agency-admin', 'agency-staff', 'reviewer', 'department-handler']],
    ['agency-staff', 'water-affairs-bureau', []],
    ['reviewer', 'water-affairs-bureau', []],
  ])('%s in %s may give %j', (role, agency, roles) => {
    expect(grantableRoles(role, agency)).toEqual(roles);
  });
});

describe('allowedChanges', () => {
  const admin = { userId: 'me', role: 'agency-admin' };
  const all = { rename: true, changeRole: true, disable: true, resetPassword: true };
  const none = { rename: false, changeRole: false, disable: false, resetPassword: false };
  it.each([
    ['an agency admin, a staff member', admin, { id: 'a', role: 'agency-staff', agencyId: 'water' }, all],
    ['an agency admin, another admin', admin, { id: 'a', role: 'agency-admin', agencyId: 'water' }, all],
    ['an agency admin, themselves', admin, { id: 'me', role: 'agency-admin', agencyId: 'water' }, { ...all, changeRole: false, disable: false }],
    ['an agency admin, a city-office account', admin, { id: 'c', role: 'city-office', agencyId: 'city-office' }, none],
    ['the city office, a city-office colleague', { userId: 'me', role: 'city-office' }, { id: 'c', role: 'city-office', agencyId: 'city-office' }, all],
    ['the city office, an agency admin', { userId: 'me', role: 'city-office' }, { id: 'a', role: 'agency-admin', agencyId: 'water' }, all],
    ['agency staff, anyone', { userId: 'me', role: 'agency-staff' }, { id: 'a', role: 'agency-staff', agencyId: 'water' }, none],
  ] as const)('%s', (_name, manager, account, expected) => {
    expect(allowedChanges(manager, account)).toEqual(expected);
  });
});

describe('newAccountBody', () => {
  const grantable = grantableRoles('agency-admin', 'water');
  const form = (patch: Partial<AccountForm> = {}): AccountForm => ({ username: ' Water-Staff-2 ', displayName: ' 王小明 ', role: 'agency-staff', password: 'Abcdefgh23', email: '', ...patch });

  it('sends the username in lower case and the name trimmed', () => {
    expect(newAccountBody(form(), grantable)).toEqual({ ok: true, body: { username: 'water-staff-2', displayName: '王小明', role: 'agency-staff', password: 'Abcdefgh23' } });
  });

  it.each([
    ['with an address, trimmed', { email: ' wang@water.example.cn ' }, { email: 'wang@water.example.cn' }],
    ['without an address', { email: '   ' }, {}],
  ] as const)('takes the optional e-mail address: %s', (_name, patch, extra) => {
    expect(newAccountBody(form(patch), grantable)).toEqual({ ok: true, body: { username: 'water-staff-2', displayName: '王小明', role: 'agency-staff', password: 'Abcdefgh23', ...extra } });
  });

  it.each([
    ['an address without @', { email: 'wang.water.example.cn' }, { email: 'email-shape' }],
    ['an address without a domain dot', { email: 'wang@water' }, { email: 'email-shape' }],
    ['an address with a space', { email: 'wang xm@water.example.cn' }, { email: 'email-shape' }],
    ['an address too long', { email: `${'a'.repeat(250)}@b.cn` }, { email: 'email-shape' }],
    ['no username', { username: '' }, { username: 'required' }],
    ['a username too short', { username: 'ab' }, { username: 'username-shape' }],
    ['a username with a space', { username: 'wang xm' }, { username: 'username-shape' }],
    ['a username in Chinese', { username: '王小明' }, { username: 'username-shape' }],
    ['no name', { displayName: '  ' }, { displayName: 'required' }],
    ['a name too long', { displayName: '王'.repeat(101) }, { displayName: 'too-long' }],
    ['no role', { role: null }, { role: 'required' }],
    ['a role the admin may not give', { role: 'city-office' }, { role: 'role-not-allowed' }],
    ['no password', { password: '' }, { password: 'required' }],
    ['a password too short', { password: 'Abc23' }, { password: 'password-length' }],
    ['a password too long', { password: 'A1'.repeat(65) }, { password: 'password-length' }],
    ['everything missing', { username: '', displayName: '', role: null, password: '' }, { username: 'required', displayName: 'required', role: 'required', password: 'required' }],
  ] as const)('refuses %s', (_name, patch, problems) => {
    expect(newAccountBody(form(patch), grantable)).toEqual({ ok: false, problems });
  });
});

describe('accountEdit', () => {
  const account = { displayName: '王小明', role: 'agency-staff', email: 'w***@water.example.cn' } as const;
  const same = { displayName: '王小明', role: 'agency-staff', newEmail: '', removeEmail: false } as const;
  it.each([
    ['nothing changed', { ...same, displayName: ' 王小明 ' }, account, {}],
    ['a new name', { ...same, displayName: '王晓明' }, account, { displayName: '王晓明' }],
    ['a new role', { ...same, role: 'reviewer' }, account, { role: 'reviewer' }],
    ['both', { ...same, displayName: '王晓明', role: 'agency-admin' }, account, { displayName: '王晓明', role: 'agency-admin' }],
    ['a new address, trimmed', { ...same, newEmail: ' li@water.example.cn ' }, account, { email: 'li@water.example.cn' }],
    ['the address removed', { ...same, removeEmail: true }, account, { email: null }],
    ['an address removed that was never there', { ...same, removeEmail: true }, { ...account, email: null }, {}],
    ['removing wins over a typed address', { ...same, newEmail: 'li@water.example.cn', removeEmail: true }, account, { email: null }],
  ] as const)('%s', (_name, edit, before, body) => {
    expect(accountEdit(before, edit)).toEqual(body);
  });
});

describe('emailProblem', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['wang@water.example.cn', undefined],
    ['wang@water', 'email-shape'],
    ['@water.example.cn', 'email-shape'],
  ] as const)('%p → %p', (email, problem) => {
    expect(emailProblem(email)).toBe(problem);
  });
});

describe('passwordFrom', () => {
  const bytes = (values: number[]) => Uint8Array.from(values);
  it('takes 14 characters without look-alikes', () => {
    // 0 → A, 24 → a, 48 → 2 in the alphabet; bytes at or above 224 (4 × 56) are skipped.
    const password = passwordFrom(bytes([0, 250, 24, 48, ...Array.from({ length: 20 }, (_, i) => i)]));
    expect(password).toBe('Aa2ABCDEFGHJKL');
  });

  it.each([
    ['too few usable bytes', [0, 24, 48, 255, 255]],
    ['no digit', Array.from({ length: 30 }, (_, i) => i % 48)],
    ['no small letter', Array.from({ length: 30 }, (_, i) => (i % 2 ? 0 : 50))],
  ])('gives nothing with %s', (_name, values) => {
    expect(passwordFrom(bytes(values))).toBeUndefined();
  });

  it('tries again until a password has every kind of character', () => {
    const draws = [Array.from({ length: 64 }, () => 0), [0, 24, 48, ...Array.from({ length: 61 }, () => 1)]];
    expect(generatePassword((target) => (target.set(draws.shift() ?? []), target))).toBe('Aa2BBBBBBBBBBB');
  });

  it('uses the platform’s random source by default', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{14}$/);
  });
});

describe('accountRows', () => {
  const account = (username: string, disabled = false) => ({ username, disabled }) as StaffAccount;
  it('puts enabled accounts first, each by username', () => {
    expect(accountRows([account('b', true), account('c'), account('a', true), account('a2')]).map((a) => a.username)).toEqual(['a2', 'c', 'a', 'b']);
  });
});
