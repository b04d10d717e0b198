import { readFile } from 'node:fs/promises';
import { expectAccessible, expectReflowsAt200Percent, screenshots, clickWhenStill } from './checks';
import { startSignedIn } from './citizen';
import { expect, test } from './fixtures';
import { json, newMobile, residentId } from './platform';
import { words } from './words';

/**
 * 我的数据 / My data on a phone: the selection group reads the applicant list and selects, the citizen sees
 * their agency listed as having read it, downloads everything as JSON, and erases their account
 * behind the confirmation dialog (a wrong last 4 refused, the answer shown in words).
 */
test('a citizen downloads their data, sees a staff read listed, and erases their account', async ({ page, platform }) => {
  const day = await platform.publishOpenDay('我的数据检查开放日');
  const me = { name: '郑雨桐', idNumber: residentId('1990-06-18'), mobile: newMobile() };
  const session = await platform.citizenSession(me.mobile);
  await startSignedIn(page, session);
  const application = await platform.applyByApi(day.openDayId, session.accessToken, me);
  // The selection group reads the applicant list (a staff read of personal data) and selects: a ticket follows.
  await platform.selectByGroup(day.openDayId, [application.id]);
  const ticket = await platform.ticketOf(session.accessToken, day.openDayId);
  const water = await json<{ name: string }>(await platform.call('GET', '/api/v1/agencies/water-affairs-bureau'));

  for (const language of ['en', 'zh-CN'] as const) {
    const w = words(language);
    await page.goto(`/me/data?lang=${language}`);
    await expect(page.getByRole('heading', { level: 1, name: w('account.myData.title') })).toBeVisible();
    const reads = page.getByRole('list', { name: w('account.myData.access.title') });
    await expect(reads.getByRole('heading', { name: water.name })).toBeVisible();
    await expect(reads.getByText(w('account.myData.lists.applicants'))).toBeVisible();
    await expect(reads.getByText(day.title)).toBeVisible();
    await expectAccessible(page, `my data (${language})`);
    await expectReflowsAt200Percent(page, `my-data-${language}`);
    await screenshots(page, 'my-data', language);
  }

  const w = words('zh-CN');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: w('account.myData.download.button') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^openday-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    services: {
      registration: Array<{ applicationId: string; people: Array<{ name: string; idNumber: string; mobile: string }> }>;
      scheduling: Array<Record<string, unknown>>;
      vetting: Array<Record<string, unknown>>;
    };
    accessLog: Array<{ list: string; agencyId: string }>;
  };
  expect(document.services.scheduling).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ticket', ticketId: ticket.ticketId, checkInCode: ticket.checkInCode })]));
  expect(document.services.vetting).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'applicant', applicationId: application.id, status: 'selected' })]));
  expect(document.services.registration[0]).toMatchObject({ applicationId: application.id, people: [{ name: me.name, idNumber: me.idNumber, mobile: me.mobile }] });
  expect(document.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ list: 'applicants', agencyId: 'water-affairs-bureau' })]));
  await expect(page.getByText(w('account.myData.download.done'))).toBeVisible();

  await page.getByRole('button', { name: w('account.myData.erase.button') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(w('account.myData.erase.confirmTitle'))).toBeVisible();
  const lastFour = dialog.getByLabel(w('account.myData.erase.lastFour'));
  await lastFour.fill(me.mobile.slice(-4) === '0000' ? '1111' : '0000');
  await clickWhenStill(dialog.getByRole('button', { name: w('account.myData.erase.confirmButton') }));
  await expect(dialog.getByRole('alert')).toHaveText(w('account.myData.erase.mismatch'));
  await expectAccessible(page, 'my data, erasure dialog');
  await screenshots(page, 'my-data-erase-dialog', 'zh-CN');

  await lastFour.fill(me.mobile.slice(-4));
  await clickWhenStill(dialog.getByRole('button', { name: w('account.myData.erase.confirmButton') }));
  await expect(page.getByRole('heading', { level: 1, name: w('account.myData.erased.title') })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').getByText('审计日志依法保存', { exact: false })).toBeVisible();
  await expectAccessible(page, 'my data, erased');
  await screenshots(page, 'my-data-erased', 'zh-CN');

  // The account is gone: its token no longer opens anything.
  expect((await platform.call('GET', '/api/v1/me/personal-data/access', undefined, session.accessToken)).status).toBe(401);
  await page.getByRole('button', { name: w('account.myData.erased.home') }).click();
  await expect(page).toHaveURL(/\/$/);
});
