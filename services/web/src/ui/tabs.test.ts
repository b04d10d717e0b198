import { activeTab } from './tabs';

describe('activeTab', () => {
  it.each([
    ['/', 'openDays'],
    ['/open-days/5b1e', 'openDays'],
    ['/open-days/5b1e/apply', 'openDays'],
    ['/sign-in', 'openDays'],
    ['/my/applications', 'applications'],
    ['/my/applications/abc', 'applications'],
    ['/my/inbox', 'inbox'],
    ['/me', 'me'],
    ['/me/settings', 'me'],
    ['/messages', 'openDays'],
  ])('%s → %s', (path, tab) => {
    expect(activeTab(path)).toBe(tab);
  });
});
