import { expect, test } from './fixtures';
import { newMobile } from './platform';
import { words } from './words';

const w = words('zh-CN');

/** Without a pointer: the sign-in form is reached with Tab, the code asked for and the form sent with Enter. */
test('keyboard: the sign-in form is reachable with Tab and submitted with Enter', async ({ page, platform }) => {
  const mobile = newMobile();
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: w('signIn.title') })).toBeVisible();

  const field = page.getByLabel(w('signIn.mobile'));
  await tabTo(page, field);
  await page.keyboard.type(mobile);
  const send = page.getByRole('button', { name: w('signIn.sendCode') });
  await tabTo(page, send);
  const seen = (await platform.texts(mobile)).length;
  await page.keyboard.press('Enter');
  const code = await platform.signInCode(mobile, seen);

  const codeField = page.getByLabel(w('signIn.code'));
  await tabTo(page, codeField, 'Shift+Tab');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: w('signIn.title') })).toBeHidden();
  // Signed in: the session is the browser's now.
  expect(await page.evaluate(() => localStorage.getItem('openday.session'))).toContain('accessToken');
});

/** Presses Tab (or Shift+Tab, then Tab) until the element has the focus; fails after 25 presses. */
async function tabTo(page: import('@playwright/test').Page, target: import('@playwright/test').Locator, first: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (const key of first === 'Tab' ? ['Tab'] : ['Shift+Tab', 'Tab']) {
    for (let i = 0; i < 25; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press(key);
    }
  }
  await expect(target, 'reached with the Tab key').toBeFocused();
}
