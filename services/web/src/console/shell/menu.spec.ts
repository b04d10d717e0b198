import { consoleNextPath, isStaffRole, menuFor, pageAccess, selectedMenuKey } from './menu';

describe('menuFor', () => {
  it.each([
    ['city-office', ['todo', 'filing', 'calendar', 'flagged', 'report', 'auditLog', 'deliveries', 'accounts', 'agencies', 'districts', 'statistics']],
    ['agency-admin', ['todo', 'plans', 'checkIn', 'feedback', 'survey', 'statistics', 'accounts']],
    ['agency-staff', ['todo', 'plans', 'checkIn', 'feedback', 'survey', 'statistics']],
    ['reviewer', ['todo', 'selection']],
    ['department-handler', ['todo', 'deptFeedback', 'jointReview']],
    ['citizen', []],
    [undefined, []],
    ['root', []],
  ])('%s sees %j', (role, keys) => {
    expect(menuFor(role).map((entry) => entry.key)).toEqual(keys);
  });
});

describe('isStaffRole', () => {
  it.each([
    ['city-office', true],
    ['department-handler', true],
    ['citizen', false],
    ['', false],
  ])('%s → %s', (role, expected) => {
    expect(isStaffRole(role)).toBe(expected);
  });
});

describe('selectedMenuKey', () => {
  const entries = menuFor('agency-staff');
  it.each([
    ['/console', 'todo'],
    ['/console/', 'todo'],
    ['/console/check-in', 'checkIn'],
    ['/console/check-in/anything', 'checkIn'],
    ['/console/check-inn', undefined],
    ['/console/plans', 'plans'],
    ['/console/plans/new', 'plans'],
    ['/console/plansx', undefined],
  ])('%s → %s', (path, key) => {
    expect(selectedMenuKey(path, entries)).toBe(key);
  });

  it.each([
    ['/console/filing', 'filing'],
    ['/console', 'todo'],
    ['/console/check-in', undefined],
  ])('city office: %s → %s', (path, key) => {
    expect(selectedMenuKey(path, menuFor('city-office'))).toBe(key);
  });
});

describe('consoleNextPath', () => {
  it.each([
    [null, '/console'],
    ['', '/console'],
    ['/console/check-in', '/console/check-in'],
    ['/console?tab=done', '/console?tab=done'],
    ['/console/sign-in', '/console'],
    ['/me/tickets', '/console'],
    ['//evil.example/console', '/console'],
    ['https://evil.example/console', '/console'],
    ['/consoles', '/console'],
  ])('%s → %s', (next, expected) => {
    expect(consoleNextPath(next)).toBe(expected);
  });
});

describe('pageAccess', () => {
  it.each([
    ['/console', 'reviewer', 'allowed'],
    ['/console/check-in', 'agency-staff', 'allowed'],
    ['/console/check-in?session=x', 'agency-admin', 'allowed'],
    ['/console/check-in', 'city-office', 'not-your-role'],
    ['/console/filing', 'agency-staff', 'not-your-role'],
    ['/console/plans/new', 'agency-admin', 'allowed'],
    ['/console/plans', 'city-office', 'not-your-role'],
    ['/console/filing/anything', 'department-handler', 'not-your-role'],
    ['/console/department-feedback', 'reviewer', 'not-your-role'],
    ['/console/selection/0b6e0b1c-2f1a-4c55-9a3e-2d4f6a7b8c9d', 'reviewer', 'allowed'],
    ['/console/selection', 'agency-staff', 'not-your-role'],
    ['/console/joint-review', 'department-handler', 'allowed'],
    ['/console/joint-review', 'reviewer', 'not-your-role'],
    ['/console/statistics', 'city-office', 'allowed'],
    ['/console/statistics/open-days/0b6e0b1c-2f1a-4c55-9a3e-2d4f6a7b8c9d', 'agency-staff', 'allowed'],
    ['/console/statistics/agencies/water-affairs-bureau', 'agency-admin', 'allowed'],
    ['/console/statistics', 'reviewer', 'not-your-role'],
    ['/console/statistics', 'department-handler', 'not-your-role'],
    ['/console/feedback', 'agency-staff', 'allowed'],
    ['/console/survey/results', 'agency-admin', 'allowed'],
    ['/console/feedback', 'department-handler', 'not-your-role'],
    ['/console/survey', 'city-office', 'not-your-role'],
    ['/console/calendar', 'city-office', 'allowed'],
    ['/console/calendar', 'agency-admin', 'not-your-role'],
    ['/console/audit', 'city-office', 'allowed'],
    ['/console/districts', 'city-office', 'allowed'],
    ['/console/districts', 'agency-admin', 'not-your-role'],
    ['/console/deliveries', 'agency-staff', 'not-your-role'],
    ['/console/flagged', 'city-office', 'allowed'],
    ['/console/report', 'reviewer', 'not-your-role'],
    ['/console/accounts', 'agency-admin', 'allowed'],
    ['/console/accounts', 'city-office', 'allowed'],
    ['/console/accounts', 'agency-staff', 'not-your-role'],
    ['/console/agencies', 'city-office', 'allowed'],
    ['/console/agencies', 'agency-admin', 'not-your-role'],
    ['/console/no-such-page', 'city-office', 'unknown'],
    ['/console/check-in', 'citizen', 'not-your-role'],
  ])('%s as %s → %s', (path, role, expected) => {
    expect(pageAccess(path.split('?')[0], role)).toBe(expected);
  });
});
