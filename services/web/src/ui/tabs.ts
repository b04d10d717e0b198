/**
 * The bottom tab bar's destinations. The signed-in pages (src/account) own the
 * routes behind the last three; a tab is active for every path under its own.
 */
export const TABS = [
  { key: 'openDays', path: '/', icon: 'home' },
  { key: 'applications', path: '/me/applications', icon: 'list' },
  { key: 'inbox', path: '/me/messages', icon: 'message' },
  { key: 'me', path: '/me', icon: 'user' },
] as const;

export type TabKey = (typeof TABS)[number]['key'];

/** The tab a path belongs to: the longest tab path it starts with; open-day pages belong to 开放日. */
export function activeTab(pathname: string): TabKey {
  const match = TABS.filter((tab) => tab.path !== '/' && (pathname === tab.path || pathname.startsWith(`${tab.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  return match?.key ?? 'openDays';
}
