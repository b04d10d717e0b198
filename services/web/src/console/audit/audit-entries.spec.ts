import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, auditQuery, detailParts, isKnownAction, NO_FILTERS, TARGET_TYPES } from './audit-entries';

const GATEWAY = join(__dirname, '../../../../gateway/src');

function gatewaySources(dir = GATEWAY): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return gatewaySources(path);
    return /\.ts$/.test(name) && !/\.(spec|test)\.ts$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** What the gateway records: each quoted value on a line that names an audited action (or its target type). */
function recorded(pattern: RegExp, value: RegExp): string[] {
  const lines = gatewaySources().flatMap((source) => source.split('\n')).filter((line) => pattern.test(line) && !/^\s*(\*|\/\/)|example/.test(line));
  return [...new Set(lines.flatMap((line) => [...line.matchAll(value)].map((match) => match[1])))].sort();
}

describe('what the gateway records, named', () => {
  const actions = recorded(/@Audited\(|\baction\b/, /'([a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)'/g);
  const targets = recorded(/targetType: '/, /targetType: '([a-z-]+)'/g);
  it.each([
    ['action', actions, AUDIT_ACTIONS],
    ['target type', targets, TARGET_TYPES],
  ] as const)('every %s', (_kind, found, named) => {
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((value) => !(named as readonly string[]).includes(value))).toEqual([]);
  });
});

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
    ['reads of one list', { ...NO_FILTERS, action: 'personal-data.read', list: 'roster' }, undefined, { limit: 50, action: 'personal-data.read', list: 'roster' }],
    ['an unknown list left out', { ...NO_FILTERS, list: 'everything' }, undefined, { limit: 50 }],
  ])('%s', (_name, filters, cursor, query) => {
    expect(auditQuery(filters, cursor, 50)).toEqual(query);
  });
});

describe('detailParts', () => {
  const words = { label: (key: string) => `<${key}>`, role: (role: string) => `[${role}]`, yes: 'yes', no: 'no', list: (list: string) => `{${list}}` };
  it.each([
    [{ username: 'water-staff-2', role: 'agency-staff' }, ['<username>：water-staff-2', '<role>：[agency-staff]']],
    [{ from: 'agency-staff', to: 'reviewer' }, ['<from>：[agency-staff]', '<to>：[reviewer]']],
    [{ active: false }, ['<active>：no']],
    [{ decisions: 3, ids: ['a', 'b'] }, ['decisions：3', 'ids：a、b']],
    [{ nested: { a: 1 }, gone: null }, ['nested：{"a":1}', 'gone：—']],
    [{}, []],
    [{ list: 'roster-csv', people: 2, personIds: ['p1', 'p2'] }, ['<list>：{roster-csv}', '<people>：2']],
    [{ list: 'unknown-list' }, ['<list>：unknown-list']],
  ])('%j', (details, parts) => {
    expect(detailParts(details, words)).toEqual(parts);
  });
});

describe('isKnownAction', () => {
  it.each([
    ['account.created', true],
    ['plan.approved', true],
    ['open-day-change.returned', true],
    ['district.changed', true],
    ['something.new', false],
  ])('%s → %s', (action, known) => {
    expect(isKnownAction(action)).toBe(known);
  });
});
