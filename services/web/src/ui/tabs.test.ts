import { activeTab } from './tabs';

describe('activeTab', () => {
  it.each([
    ['/', 'openDays'],
    ['/open-days/5b1e', 'openDays'],
    ['/open-days/5b1e/apply', 'openDays'],
    ['/sign-in', 'openDays'],
    ['/me/applications', 'applications'],
    ['/me/applications/abc', 'applications'],
    ['/me/messages', 'inbox'],
    ['/me', 'me'],
    ['/me/tickets/t1', 'me'],
    ['/messages', 'openDays'],
    ['/meeting', 'openDays'],
  ])('%s → %s', (path, tab) => {
    expect(activeTab(path)).toBe(tab);
  });
});
