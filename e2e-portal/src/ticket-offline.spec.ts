import { PHONE, screenshotPath } from './checks';
import { startSignedIn } from './citizen';
import { expect, test } from './fixtures';
import { newMobile, residentId } from './platform';
import { pattern, words } from './words';

const w = words('zh-CN');

/** A selected citizen opens their ticket once online; at the door, with no network, it still opens. */
test('the ticket opens offline once it was opened online', async ({ page, context, platform }) => {
  const day = await platform.publishOpenDay('离线入场凭证检查');
  const me = { name: '钱七', idNumber: residentId('1988-02-14'), mobile: newMobile() };
  const session = await platform.citizenSession(me.mobile);
  const token = session.accessToken;
  await startSignedIn(page, session);
  const application = await platform.applyByApi(day.openDayId, token, me);
  await platform.selectByGroup(day.openDayId, [application.id]);
  const ticket = await platform.ticketOf(token, day.openDayId);

  await page.goto(`/me/tickets/${ticket.ticketId}`);
  await expect(page.getByText(ticket.checkInCode)).toBeVisible();
  await expect(page.getByText(w('account.ticket.savedOffline'))).toBeVisible();

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: w('account.ticket.title') })).toBeVisible();
    await expect(page.getByText(ticket.checkInCode)).toBeVisible();
    await expect(page.getByRole('img', { name: w('account.ticket.qrLabel', { code: ticket.checkInCode }) })).toBeVisible();
    await expect(page.getByText(pattern(w('account.ticket.offline')))).toBeVisible();
    await page.screenshot({ path: screenshotPath('ticket-offline', PHONE, 'zh-CN'), fullPage: true });

    // A fresh start of the page by its address, as from a home-screen bookmark.
    await page.goto(`/me/tickets/${ticket.ticketId}`);
    await expect(page.getByText(ticket.checkInCode)).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
