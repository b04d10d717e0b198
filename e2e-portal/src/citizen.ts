import { expect, type Locator, type Page } from '@playwright/test';
import type { Person, PortalPlatform } from './platform';
import type { Words } from './words';

/**
 * Signs in on the sign-in page the browser is on, with the code the SMS capture received, as a
 * citizen reads it off their phone.
 */
export async function signInWithTextedCode(page: Page, platform: PortalPlatform, mobile: string, w: Words): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: w('signIn.title') })).toBeVisible();
  const seen = (await platform.texts(mobile)).length;
  await page.getByLabel(w('signIn.mobile')).fill(mobile);
  await page.getByRole('button', { name: w('signIn.sendCode') }).click();
  const code = await platform.signInCode(mobile, seen);
  await page.getByLabel(w('signIn.code')).fill(code);
  await page.getByRole('button', { name: w('signIn.submit'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('signIn.title') })).toBeHidden();
}

/**
 * For tests about something else than signing in: the browser starts signed in, with a session
 * made through the API and put where the portal keeps it (localStorage 'openday.session',
 * services/web/src/auth/token-store.ts). The sign-in page itself is driven by the journeys.
 */
export async function startSignedIn(page: Page, { accessToken, refreshToken }: { accessToken: string; refreshToken: string }): Promise<void> {
  await page.addInitScript((session) => {
    if (!localStorage.getItem('openday.session')) localStorage.setItem('openday.session', session);
  }, JSON.stringify({ accessToken, refreshToken }));
}

/** Fills one person's fields inside `scope` (the applicant's or a member's fieldset). */
export async function fillPerson(scope: Locator, person: Person, w: Words): Promise<void> {
  await scope.getByLabel(w('account.apply.name'), { exact: true }).fill(person.name);
  await scope.getByLabel(w('account.apply.idNumber'), { exact: true }).fill(person.idNumber);
  await scope.getByLabel(w('account.apply.mobile'), { exact: true }).fill(person.mobile);
  await scope.getByLabel(w('account.apply.category')).selectOption({ label: w('common.categories.ordinary-citizen') });
  const district = scope.getByLabel(w('account.apply.district'));
  if ((await district.evaluate((el) => el.tagName)) === 'SELECT') await district.selectOption({ index: 1 });
  else await district.fill('gulou');
}

/** The applicant's (or a member's) fieldset, by its legend. */
export function fieldset(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

/** Opens an open day from the list by its title. */
export async function openFromList(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
}

/**
 * Reloads until the locator shows (what the citizen sees on opening the portal again later):
 * the platform learns a staff action through events, and the page keeps what it fetched a
 * moment ago.
 */
export async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 30_000): Promise<void> {
  await expect(async () => {
    if (!(await locator.isVisible())) {
      await page.reload();
      await expect(locator).toBeVisible({ timeout: 2_000 });
    }
  }).toPass({ timeout: timeoutMs, intervals: [500, 1_000] });
}
