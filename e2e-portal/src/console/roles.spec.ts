import type { Page } from '@playwright/test';
import { menuFor } from '@openday/web/src/console/shell/menu';
import { DEMO_ACCOUNTS } from '@openday/testing';
import { startSignedIn } from '../citizen';
import { expect, test } from '../fixtures';
import { json, newMobile, type StaffUser } from '../platform';
import { LANGUAGES, pattern, words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, signInToConsole } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');
const roleOf = (user: StaffUser) => DEMO_ACCOUNTS.find((account) => account.username === user)!.role;

/** The menu as the page shows it: the links of the console's navigation, in order. */
async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: w('console.shell.menu') });
  await expect(menu).toBeVisible();
  return menu.getByRole('link').allInnerTexts();
}

test('the staff sign-in page, in both languages', async ({ page }) => {
  for (const language of LANGUAGES) {
    const t = words(language);
    await page.goto(`/console/sign-in?lang=${language}`);
    await expect(page.getByRole('heading', { level: 1, name: t('console.signIn.title') })).toBeVisible();
    // A wrong password is refused in words, not a crash.
    await page.getByLabel(t('console.signIn.username')).fill('water-staff');
    await page.getByLabel(t('console.signIn.password')).fill('not-the-password');
    await page.getByRole('button', { name: t('console.signIn.submit') }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await inspectConsole(page, 'sign-in', language);
  }
});

/**
 * Each demo role signs in and finds its own menu (the one shell/menu.ts gives it, read now, so
 * every area's entries are covered) and its to-do list with the counts of 待办 / 督办 / 已办.
 */
for (const account of DEMO_ACCOUNTS) {
  const user = account.username as StaffUser;
  test(`${user} sees only the ${account.role} menu and its to-do list`, async ({ page, platform }) => {
    const agency = await json<{ name: string }>(await platform.call('GET', `/api/v1/agencies/${account.agencyId}`));
    await signInToConsole(page, user);
    const expected = menuFor(roleOf(user)).map((entry) => w(`console.menu.${entry.key}`));
    expect(await menuLabels(page)).toEqual(expected);
    await expect(page.getByRole('heading', { level: 1, name: w('console.todo.title') })).toBeVisible();
    // Each tab's count is the number of items it lists.
    const counts: Record<string, number> = {};
    for (const bucket of ['todo', 'chase', 'done']) {
      const tab = page.getByRole('tab', { name: pattern(w(`console.todo.tabs.${bucket}`)) });
      counts[bucket] = Number(/(\d+)/.exec(await tab.innerText())![1]);
      await tab.click();
      const panel = page.getByRole('tabpanel');
      if (counts[bucket] === 0) await expect(panel.getByText(w(`console.todo.empty.${bucket}`))).toBeVisible();
      else await expect(panel.locator('tbody tr.ant-table-row')).toHaveCount(Math.min(counts[bucket], 20));
    }
    const fullest = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
    await page.getByRole('tab', { name: pattern(w(`console.todo.tabs.${fullest}`)) }).click();
    // The header names the agency as people know it.
    await expect(page.getByRole('banner')).toContainText(agency.name);
    await inspectConsole(page, `todo-${user}`, 'zh-CN');
  });
}

test('an agency’s plans and open days are not another’s; another role’s page and another agency’s session are refused in words', async ({ page, platform }) => {
  const water = await platform.publishOpenDay('分权检查：水务局的开放日');

  // The water bureau's own staff see their open day (filed: 已办) and can pick its session at the door.
  await signInToConsole(page, 'water-staff', 'zh-CN', '/console?tab=done');
  await expect(page.getByRole('tabpanel')).toContainText(water.title);
  await page.goto(`/console/check-in?session=${water.openDayId}/${water.sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: w('console.checkIn.title') })).toBeVisible();
  await expect(page.getByText(water.title).first()).toBeVisible();
  await expect(page.getByText(w('console.checkIn.sessionNotYours'))).toHaveCount(0);
  await page.getByRole('button', { name: w('console.shell.signOut') }).click();
  await expect(page).toHaveURL(/\/console\/sign-in/);

  // Gulou's staff: on no page of their menu, and not at the door by a link to water's session.
  await signInToConsole(page, 'gulou-staff');
  for (const entry of menuFor('agency-staff')) {
    for (const tab of entry.path === '' ? ['todo', 'chase', 'done'] : [null]) {
      await page.goto(`/console/${entry.path}${tab ? `?tab=${tab}` : ''}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.locator('main')).not.toContainText(water.title);
    }
  }
  await page.goto(`/console/check-in?session=${water.openDayId}/${water.sessionId}`);
  await expect(page.getByText(w('console.checkIn.sessionNotYours'))).toBeVisible();
  await expect(page.locator('main')).not.toContainText(water.title);

  // Another role's page by its address: refused in words, with the way back.
  await page.goto('/console/filing');
  await expect(page.getByRole('heading', { level: 1, name: w('console.notYourRole.title') })).toBeVisible();
  await expect(page.getByText(w('console.notYourRole.hint'))).toBeVisible();
  await inspectConsole(page, 'not-your-role', 'zh-CN');
  await page.getByRole('link', { name: w('console.notFound.home') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.todo.title') })).toBeVisible();
});

test('a citizen’s account does not open the console', async ({ page, platform }) => {
  const session = await platform.citizenSession(newMobile());
  // Signed in on the portal: the console still asks for a staff account.
  await startSignedIn(page, session);
  await page.goto('/console');
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: w('console.signIn.title') })).toBeVisible();

  // A citizen's token where the console keeps a staff session: not taken either.
  await page.evaluate((tokens) => {
    sessionStorage.setItem('openday.console.session', JSON.stringify({ ...tokens, username: 'citizen', actor: { userId: 'c', role: 'citizen' } }));
  }, session);
  await page.goto('/console/check-in');
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await expect(page.getByRole('navigation', { name: w('console.shell.menu') })).toHaveCount(0);
});

test('the city office’s filing queue and the department’s answer inbox', async ({ page }) => {
  await signInToConsole(page, 'city-office', 'zh-CN', '/console/filing');
  await expect(page.getByRole('heading', { level: 1, name: w('console.filing.title') })).toBeVisible();
  await inspectConsole(page, 'filing', 'zh-CN');
  await page.getByRole('button', { name: w('console.shell.signOut') }).click();

  await signInToConsole(page, 'tax-handler', 'zh-CN', '/console/department-feedback');
  await expect(page.getByRole('heading', { level: 1, name: w('console.deptFeedback.title') })).toBeVisible();
  await inspectConsole(page, 'department-feedback', 'zh-CN');
});
