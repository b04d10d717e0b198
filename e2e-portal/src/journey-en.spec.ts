import type { ApplicationView } from '@openday/contracts';
import { inspect } from './checks';
import { fieldset, fillPerson, reloadUntilVisible, openFromList, signInWithTextedCode } from './citizen';
import { expect, test } from './fixtures';
import { newMobile, residentId } from './platform';
import { words } from './words';

const w = words('en');
const zh = words('zh-CN');
const TITLE = 'Inside the water works: from the source to the tap';

/**
 * The key steps in English: the language switch on the list (then remembered), the open day,
 * sign-in by texted code, an application, selection, the ticket with its QR code and the
 * messages, every page in English, checked with axe and photographed.
 */
test('the citizen journey in English: switch language, apply, selected, ticket, messages', async ({ page, platform }) => {
  test.setTimeout(180_000);
  const day = await platform.publishOpenDay(TITLE);
  const me = { name: 'Li Si', idNumber: residentId('1991-11-02'), mobile: newMobile() };

  await test.step('the list in Chinese, switched to English', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: zh('list.title') })).toBeVisible();
    await page.getByLabel(zh('common.language.label')).selectOption({ label: w('common.language.en') });
    await expect(page.getByRole('heading', { level: 1, name: w('list.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await inspect(page, 'list', 'en', { textSize: true });
  });

  await test.step('the open day, then sign-in, in English', async () => {
    await openFromList(page, TITLE);
    await expect(page.getByText(w('detail.selectionSentence.selection-group'))).toBeVisible();
    await inspect(page, 'open-day', 'en', { textSize: true });
    await page.getByRole('link', { name: w('detail.apply') }).or(page.getByRole('button', { name: w('detail.apply') })).first().click();
    await expect(page.getByRole('heading', { level: 1, name: w('signIn.title') })).toBeVisible();
    await inspect(page, 'sign-in', 'en');
    await signInWithTextedCode(page, platform, me.mobile, w);
  });

  await test.step('apply', async () => {
    await expect(page.getByRole('heading', { level: 1, name: w('account.apply.title', { title: TITLE }) })).toBeVisible();
    await fillPerson(fieldset(page, w('account.apply.applicant')), me, w);
    await page.getByRole('checkbox', { name: w('account.apply.privacy.consent') }).check();
    await inspect(page, 'apply', 'en', { textSize: true });
    await page.getByRole('button', { name: w('account.apply.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.received.title') })).toBeVisible();
    await inspect(page, 'received', 'en');
  });

  const token = await platform.citizenToken(me.mobile);
  const application = ((await (await platform.call('GET', '/api/v1/me/applications', undefined, token)).json()) as { items: ApplicationView[] }).items.find((a) => a.openDayId === day.openDayId)!;
  // The language the form was in travels with the application: the messages come in English.
  expect(application).toBeDefined();

  await test.step('selected, in English, on a page opened by its address with ?lang=en', async () => {
    await platform.selectByGroup(day.openDayId, [application.id]);
    await page.goto('/?lang=en');
    await page.getByRole('navigation', { name: w('common.tabs.label') }).getByRole('link', { name: w('common.tabs.applications') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.applications.title') })).toBeVisible();
    await reloadUntilVisible(page, page.getByRole('article', { name: w('account.applications.open', { title: TITLE }) }).getByText(w('account.applications.state.selected')));
    await inspect(page, 'applications', 'en');
  });

  await test.step('the ticket and its QR code', async () => {
    const ticket = await platform.ticketOf(token, day.openDayId);
    await page.getByRole('link', { name: w('account.applications.open', { title: TITLE }) }).click();
    await inspect(page, 'timeline', 'en');
    await page.getByRole('link', { name: w('account.timeline.openTicket') }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.ticket.title') })).toBeVisible();
    await expect(page.getByRole('img', { name: w('account.ticket.qrLabel', { code: ticket.checkInCode }) })).toBeVisible();
    await inspect(page, 'ticket', 'en', { textSize: true });
  });

  await test.step('the messages, in English', async () => {
    await page.getByRole('navigation', { name: w('common.tabs.label') }).getByRole('link', { name: w('common.tabs.inbox') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.inbox.title') })).toBeVisible();
    const selected = page.getByRole('list', { name: w('account.inbox.title') }).getByRole('listitem').filter({ hasText: /You have been selected/ }).first();
    await reloadUntilVisible(page, selected);
    await selected.locator('summary').click();
    await expect(selected.getByText(/You have been selected/)).toBeVisible();
    await inspect(page, 'inbox', 'en');
  });
});
