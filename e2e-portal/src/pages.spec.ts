import { inspect } from './checks';
import { startSignedIn } from './citizen';
import { expect, test } from './fixtures';
import { newMobile, residentId } from './platform';
import { LANGUAGES, words } from './words';

/**
 * The pages the journeys do not pass through, in both languages: the list's calendar, the
 * public notice of the selected (names and ID numbers masked), lottery verification, a page
 * that does not exist, 我的 and the tickets list. Each is checked with axe and photographed.
 */
for (const language of LANGUAGES) {
  test(`the other pages pass axe and are photographed (${language})`, async ({ page, platform }) => {
    const w = words(language);
    const day = await platform.publishOpenDay(language === 'en' ? 'Open day of the tax bureau' : '走进市税务局');
    const me = { name: '孙小美', idNumber: residentId('1990-06-15'), mobile: newMobile() };
    const session = await platform.citizenSession(me.mobile);
    const application = await platform.applyByApi(day.openDayId, session.accessToken, me);
    await platform.selectByGroup(day.openDayId, [application.id]);

    await page.goto(`/?lang=${language}`);
    await page.getByRole('group', { name: w('list.viewLabel') }).getByRole('button', { name: w('list.viewCalendar') }).click();
    await expect(page.getByRole('button', { name: w('list.viewCalendar') })).toHaveAttribute('aria-pressed', 'true');
    await inspect(page, 'list-calendar', language, { textSize: true });

    await page.goto(`/open-days/${day.openDayId}/public-notice`);
    await expect(page.getByRole('heading', { level: 1, name: w('notice.title') })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: '孙*美' })).toBeVisible({ timeout: 30_000 });
    await expect(table).not.toContainText(me.name);
    await expect(table).not.toContainText(me.idNumber);
    await expect(table.getByRole('cell', { name: new RegExp(`^${me.idNumber.slice(0, 6)}\\*+${me.idNumber.slice(-4)}$`) })).toBeVisible();
    await inspect(page, 'public-notice', language, { textSize: true });

    // (the notice links here only for a lottery; this open day's group chose)
    await page.goto(`/lottery-verification?openDayId=${day.openDayId}`);
    await expect(page.getByRole('heading', { level: 1, name: w('lottery.title') })).toBeVisible();
    await inspect(page, 'lottery-verification', language, { textSize: true });

    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: w('notFound.title') })).toBeVisible();
    await inspect(page, 'not-found', language);

    await startSignedIn(page, session);
    await page.goto('/me');
    await expect(page.getByRole('heading', { level: 1, name: w('account.me.title') })).toBeVisible();
    await inspect(page, 'me', language, { textSize: true });
    await page.getByRole('link', { name: w('account.nav.tickets') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.tickets.title') })).toBeVisible();
    await expect(page.getByText(w('account.tickets.status.issued'))).toBeVisible({ timeout: 30_000 });
    await inspect(page, 'tickets', language);
  });
}
