import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@openday/testing';
import { expectAccessible, screenshotPath } from '../checks';
import type { PortalPlatform, StaffUser } from '../platform';
import { words, type Language } from '../words';

/** The console is a desktop tool: its tests run at this size (`test.use({ viewport: CONSOLE_SCREEN })`). */
export const CONSOLE_SCREEN = { width: 1440, height: 900 };

/**
 * Signs a demo staff member in through the console's sign-in page, in a language, and waits
 * for their to-do list; `next` is a console path to land on instead.
 */
export async function signInToConsole(page: Page, user: StaffUser, language: Language = 'zh-CN', next = '/console'): Promise<void> {
  const t = words(language);
  await page.goto(`/console/sign-in?lang=${language}&next=${encodeURIComponent(next)}`);
  await page.getByLabel(t('console.signIn.username')).fill(user);
  await page.getByLabel(t('console.signIn.password')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('console.signIn.submit') }).click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
}

/**
 * For tests about a console screen, not about signing in (roles.spec.ts drives the sign-in page):
 * opens `path` in `language` with the staff member already signed in, a session of their own made
 * through the API and put where the console keeps it (sessionStorage 'openday.console.session',
 * services/web/src/console/api/staff-session.ts), as the sign-in page would.
 */
export async function openConsoleAs(page: Page, platform: PortalPlatform, user: StaffUser, language: Language, path: string): Promise<void> {
  const { accessToken, refreshToken, actor } = await platform.staffSession(user);
  await page.addInitScript((session) => {
    if (!sessionStorage.getItem('openday.console.session')) sessionStorage.setItem('openday.console.session', session);
  }, JSON.stringify({ accessToken, refreshToken, username: user, actor }));
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
  await expect(page.getByRole('navigation', { name: words(language)('console.shell.menu') })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === path.split('?')[0]);
}

/**
 * Every console screen's checks: axe (no serious or critical violation), then its screenshot
 * at 1440×900, .data/screenshots/console-<name>-1440x900-<lang>.png, from the top.
 */
export async function inspectConsole(page: Page, name: string, language: Language): Promise<void> {
  await expectAccessible(page, `console ${name}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  await page.screenshot({ path: screenshotPath(`console-${name}`, CONSOLE_SCREEN, language), animations: 'disabled' });
}
