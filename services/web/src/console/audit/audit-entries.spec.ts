import { auditQuery, detailParts, isKnownAction, NO_FILTERS } from './audit-entries';

describe('auditQuery', () => {
  const actor = '0b8e4f4e-5d0c-4d8a-9a43-0f7f0c1a2b3c';
  it.each([
    ['no filters', NO_FILTERS, undefined, { limit: 50 }],
    ['the next page', NO_FILTERS, 'c1', { limit: 50, cursor: 'c1' }],
    ['an action and an agency', { ...NO_FILTERS, action: 'account.created', agencyId: 'water-affairs-bureau' }, undefined, { limit: 50, action: 'account.created', agencyId: 'water-affairs-bureau' }],
    ['an actor', { ...NO_FILTERS, actorId: actor }, undefined, { limit: 50, actorId: actor }],
    ['half an actor id left out', { ...NO_FILTERS, actorId: '0b8e4f4e' }, undefined, { limit: 50 }],
    ['a target by type and id', { ...NO_FILTERS, targetType: 'plan', targetId: ' p-1 ' }, undefined, { limit: 50, targetType: 'plan', targetId: 'p-1' }],
    ['a target id too long left out', { ...NO_FILTERS, targetId: 'x'.repeat(129) }, undefined, { limit: 50 }],
  ])('%s', (_name, filters, cursor, query) => {
    expect(auditQuery(filters, cursor, 50)).toEqual(query);
  });
});

describe('detailParts', () => {
  const words = { label: (key: string) => `<${key}>`, role: (role: string) => `[${role}]`, yes: 'yes', no: 'no' };
  it.each([
    [{ username: 'water-staff-2', role: 'agency-staff' }, ['<username>：water-staff-2', '<role>：[agency-staff]']],
    [{ from: 'agency-staff', to: 'reviewer' }, ['<from>：[agency-staff]', '<to>：[reviewer]']],
    [{ active: false }, ['<active>：no']],
    [{ decisions: 3, ids: ['a', 'b'] }, ['decisions：3', 'ids：a、b']],
    [{ nested: { a: 1 }, gone: null }, ['nested：{"a":1}', 'gone：—']],
    [{}, []],
  ])('%j', (details, parts) => {
    expect(detailParts(details, words)).toEqual(parts);
  });
});

describe('isKnownAction', () => {
  it.each([
    ['account.created', true],
    ['plan.approved', true],
    ['something.new', false],
  ])('%s → %s', (action, known) => {
    expect(isKnownAction(action)).toBe(known);
  });
});
