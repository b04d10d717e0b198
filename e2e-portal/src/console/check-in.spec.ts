import { clickWhenStill } from '../checks';
import { readFileSync } from 'node:fs';
import type { RosterPage } from '@openday/contracts';
import { expect, test } from '../fixtures';
import { json, newMobile, ON_THE_DAY, residentId, type Person } from '../platform';
import { pattern, words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');

/**
 * The day at the door (issue 11, item 5): two selected holders of one session; water-staff
 * checks one in by typing the code and the last 4, is refused in words for a second check-in
 * and for a wrong last 4, sees the counts, downloads the CSV roster and revokes the other
 * ticket from the roster with a reason, after which that ticket is refused as revoked.
 */
test('check-in at the door: by code, refusals in words, the roster, the CSV and a revocation', async ({ page, platform }) => {
  const day = await platform.publishOpenDay('签到台测试：走进第二水厂');
  const holders: Person[] = [
    { name: '赵签到', idNumber: residentId('1980-05-06'), mobile: newMobile() },
    { name: '孙作废', idNumber: residentId('1991-09-23'), mobile: newMobile() },
  ];
  const tokens = await Promise.all(holders.map((person) => platform.citizenToken(person.mobile)));
  const applications = await Promise.all(holders.map((person, i) => platform.applyByApi(day.openDayId, tokens[i], person)));
  await platform.selectByGroup(
    day.openDayId,
    applications.map((application) => application.id),
  );
  const [arriving, revoked] = await Promise.all(tokens.map((token) => platform.ticketOf(token, day.openDayId)));
  // The door is open on the event day (from 2 h before the start): scheduling's clock is set there.
  await platform.schedulingOn(ON_THE_DAY);
  const roster = await json<RosterPage>(
    await platform.call('GET', `/api/v1/open-days/${day.openDayId}/sessions/${day.sessionId}/roster?limit=50`, undefined, platform.staff('water-staff')),
  );
  const maskedName = (ticketId: string) => roster.items.find((entry) => entry.ticketId === ticketId)!.maskedName;

  await openConsoleAs(page, platform, 'water-staff', 'zh-CN', `/console/check-in?session=${day.openDayId}/${day.sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: w('console.checkIn.title') })).toBeVisible();
  const form = page.getByRole('form', { name: w('console.checkIn.formTitle') });
  const code = form.getByLabel(w('console.checkIn.code'));
  const last4 = form.getByLabel(w('console.checkIn.last4'));
  const submit = form.getByRole('button', { name: w('console.checkIn.submit'), exact: true });
  const rosterCard = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: w('console.checkIn.rosterTitle') }) });
  const rowOf = (ticketId: string) => rosterCard.getByRole('row').filter({ hasText: maskedName(ticketId) });
  await expect(rowOf(arriving.ticketId)).toContainText(w('console.checkIn.status.issued'));

  // Checked in by the typed code and the last 4 of the ID card.
  await code.fill(arriving.checkInCode);
  await last4.fill(holders[0].idNumber.slice(-4));
  await submit.click();
  await expect(form.getByText(w('console.checkIn.admitted', { name: maskedName(arriving.ticketId) }))).toBeVisible();
  await expect(rowOf(arriving.ticketId)).toContainText(w('console.checkIn.status.checked-in'));

  // The same ticket again: refused, saying when it was checked in.
  await code.fill(arriving.checkInCode);
  await last4.fill(holders[0].idNumber.slice(-4));
  await submit.click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText(w('console.checkIn.refused'));
  await expect(refusal).toContainText(pattern(w('console.checkIn.refusal.alreadyCheckedInAt')));
  await expect(refusal).toContainText(ON_THE_DAY.slice(0, 10));

  // The other holder with a wrong last 4: refused, saying so.
  const wrongLast4 = holders[1].idNumber.endsWith('1234') ? '4321' : '1234';
  await code.fill(revoked.checkInCode);
  await last4.fill(wrongLast4);
  await submit.click();
  await expect(refusal).toContainText(w('console.checkIn.refusal.wrongLast4'));

  // The counts: one of two in, one still to come.
  const figure = (key: string) => rosterCard.locator('.ant-statistic').filter({ hasText: w(`console.checkIn.counts.${key}`) }).locator('.ant-statistic-content');
  await expect(figure('checkedIn')).toHaveText(/^1\s*\/\s*2$/);
  await expect(figure('waiting')).toHaveText('1');
  await expect(figure('revoked')).toHaveText('0');
  await inspectConsole(page, 'check-in', 'zh-CN');

  // The CSV roster, downloaded with the staff token: masked, with both holders.
  const [download] = await Promise.all([page.waitForEvent('download'), rosterCard.getByRole('button', { name: w('console.checkIn.roster.csv') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(maskedName(arriving.ticketId));
  expect(csv).toContain(maskedName(revoked.ticketId));
  expect(csv).not.toContain(holders[0].idNumber);

  // Revoke the other ticket from the roster: the reason is required, then confirmed.
  await rowOf(revoked.ticketId)
    .getByRole('button', { name: w('console.checkIn.revoke.buttonFor', { name: maskedName(revoked.ticketId) }) })
    .click();
  const dialog = page.getByRole('dialog', { name: w('console.checkIn.revoke.title', { name: maskedName(revoked.ticketId) }) });
  await clickWhenStill(dialog.getByRole('button', { name: w('console.checkIn.revoke.confirm') }));
  await expect(dialog.getByText(w('console.checkIn.revoke.problem.required'))).toBeVisible();
  await inspectConsole(page, 'check-in-revoke', 'zh-CN');
  await dialog.getByLabel(w('console.checkIn.revoke.reason')).fill('本人来电申请取消');
  await clickWhenStill(dialog.getByRole('button', { name: w('console.checkIn.revoke.confirm') }));
  await expect(dialog).toBeHidden();
  await expect(page.getByText(w('console.checkIn.revoke.done', { name: maskedName(revoked.ticketId) }))).toBeVisible();
  await expect(rowOf(revoked.ticketId)).toContainText(w('console.checkIn.status.revoked'));
  await expect(figure('revoked')).toHaveText('1');
  await expect(figure('checkedIn')).toHaveText(/^1\s*\/\s*1$/);

  // The revoked ticket at the door: refused as revoked.
  await code.fill(revoked.checkInCode);
  await last4.fill(holders[1].idNumber.slice(-4));
  await submit.click();
  await expect(refusal).toContainText(w('console.checkIn.refusal.revoked'));

  // The same screen in English.
  await page.goto(`/console/check-in?session=${day.openDayId}/${day.sessionId}&lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: words('en')('console.checkIn.title') })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: maskedName(revoked.ticketId) })).toContainText(words('en')('console.checkIn.status.revoked'));
  await inspectConsole(page, 'check-in', 'en');
});
