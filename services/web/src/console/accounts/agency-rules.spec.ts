import { agencyEdit, mayDeactivate, newAgencyBody, type AgencyForm } from './agency-rules';

describe('newAgencyBody', () => {
  const form = (patch: Partial<AgencyForm> = {}): AgencyForm => ({ id: ' Culture-Bureau ', name: ' 市文化局 ', kind: 'municipal-bureau', district: '', ...patch });

  it('sends the code in lower case, the name trimmed and no district as null', () => {
    expect(newAgencyBody(form())).toEqual({ ok: true, body: { id: 'culture-bureau', name: '市文化局', kind: 'municipal-bureau', district: null } });
  });

  it('keeps a district for a district government', () => {
    expect(newAgencyBody(form({ id: 'xuanwu', name: '玄武区人民政府', kind: 'district-town-government', district: 'xuanwu' }))).toEqual({
      ok: true,
      body: { id: 'xuanwu', name: '玄武区人民政府', kind: 'district-town-government', district: 'xuanwu' },
    });
  });

  it.each([
    ['no code', { id: '' }, { id: 'required' }],
    ['a code with a space', { id: 'culture bureau' }, { id: 'code-shape' }],
    ['a code in Chinese', { id: '文化局' }, { id: 'code-shape' }],
    ['no name', { name: ' ' }, { name: 'required' }],
    ['a one-character name', { name: '局' }, { name: 'name-length' }],
    ['no kind', { kind: null }, { kind: 'required' }],
    ['a district in Chinese', { district: '玄武' }, { district: 'district-shape' }],
  ] as const)('refuses %s', (_name, patch, problems) => {
    expect(newAgencyBody(form(patch))).toEqual({ ok: false, problems });
  });
});

describe('agencyEdit', () => {
  const agency = { name: '市水务局', kind: 'municipal-bureau', district: null } as const;
  it.each([
    ['nothing changed', { name: '市水务局 ', kind: 'municipal-bureau', district: '' }, { ok: true, body: {} }],
    ['a new name', { name: '市水务管理局', kind: 'municipal-bureau', district: '' }, { ok: true, body: { name: '市水务管理局' } }],
    ['a new kind and district', { name: '市水务局', kind: 'district-town-government', district: 'gulou' }, { ok: true, body: { kind: 'district-town-government', district: 'gulou' } }],
    ['an empty name', { name: '', kind: 'municipal-bureau', district: '' }, { ok: false, problems: { name: 'required' } }],
  ] as const)('%s', (_name, form, expected) => {
    expect(agencyEdit(agency, form)).toEqual(expected);
  });
});

describe('mayDeactivate', () => {
  it.each([
    ['water-affairs-bureau', true],
    ['city-office', false],
  ])('%s → %s', (id, expected) => {
    expect(mayDeactivate({ id })).toBe(expected);
  });
});
