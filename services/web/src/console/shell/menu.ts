// No imports: the console's browser tests read each role's menu from this file (e2e-portal).
/** The roles that work in the console (a citizen's account has no place here). */
export const STAFF_ROLES = ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: string | undefined): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role ?? '');
}

export interface MenuEntry {
  /** The path under /console ('' is the home page). */
  path: string;
  /** The words under console.menu.<key>. */
  key: string;
}

const TODO: MenuEntry = { path: '', key: 'todo' };
const CHECK_IN: MenuEntry = { path: 'check-in', key: 'checkIn' };
const FILING: MenuEntry = { path: 'filing', key: 'filing' };
const PLANS: MenuEntry = { path: 'plans', key: 'plans' };
const DEPARTMENT_FEEDBACK: MenuEntry = { path: 'department-feedback', key: 'deptFeedback' };
const FEEDBACK: MenuEntry = { path: 'feedback', key: 'feedback' };
const SURVEY: MenuEntry = { path: 'survey', key: 'survey' };
const STATISTICS: MenuEntry = { path: 'statistics', key: 'statistics' };
const SELECTION: MenuEntry = { path: 'selection', key: 'selection' };
const JOINT_REVIEW: MenuEntry = { path: 'joint-review', key: 'jointReview' };
const CALENDAR: MenuEntry = { path: 'calendar', key: 'calendar' };
const FLAGGED: MenuEntry = { path: 'flagged', key: 'flagged' };
const REPORT: MenuEntry = { path: 'report', key: 'report' };
const AUDIT_LOG: MenuEntry = { path: 'audit', key: 'auditLog' };
const DELIVERIES: MenuEntry = { path: 'deliveries', key: 'deliveries' };
const ACCOUNTS: MenuEntry = { path: 'accounts', key: 'accounts' };
const AGENCIES: MenuEntry = { path: 'agencies', key: 'agencies' };
const DISTRICTS: MenuEntry = { path: 'districts', key: 'districts' };

/**
 * What each role finds in the menu: only its own work, and only what is built. Check-in at the
 * door is agency work (the gateway lets agency staff and admins check people in).
 */
const MENUS: Record<StaffRole, MenuEntry[]> = {
  'city-office': [TODO, FILING, CALENDAR, FLAGGED, REPORT, AUDIT_LOG, DELIVERIES, ACCOUNTS, AGENCIES, DISTRICTS, STATISTICS],
  'agency-admin': [TODO, PLANS, CHECK_IN, FEEDBACK, SURVEY, STATISTICS, ACCOUNTS],
  'agency-staff': [TODO, PLANS, CHECK_IN, FEEDBACK, SURVEY, STATISTICS],
  reviewer: [TODO, SELECTION],
  'department-handler': [TODO, DEPARTMENT_FEEDBACK, JOINT_REVIEW],
};

export function menuFor(role: string | undefined): MenuEntry[] {
  return isStaffRole(role) ? MENUS[role] : [];
}

/** The menu entry a console path belongs to (for the highlighted item). */
export function selectedMenuKey(pathname: string, entries: MenuEntry[]): string | undefined {
  const rest = pathname.replace(/^\/console\/?/, '').replace(/\/$/, '');
  const match = entries
    .filter((entry) => (entry.path === '' ? rest === '' : rest === entry.path || rest.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key;
}

/**
 * Whether the signed-in role may open a console page: its own menu's pages are open, another
 * role's page is refused in words (a shared or bookmarked link), anything else is not found.
 */
export function pageAccess(pathname: string, role: string | undefined): 'allowed' | 'not-your-role' | 'unknown' {
  if (selectedMenuKey(pathname, menuFor(role))) return 'allowed';
  const someRoles = STAFF_ROLES.some((other) => selectedMenuKey(pathname, menuFor(other)));
  return someRoles ? 'not-your-role' : 'unknown';
}

/** Where to go after signing in: a console path only (never another site, never the portal). */
export function consoleNextPath(next: string | null | undefined): string {
  if (!next || !/^\/console(\/|$|\?)/.test(next) || next.startsWith('//') || next.startsWith('/console/sign-in')) return '/console';
  return next;
}
