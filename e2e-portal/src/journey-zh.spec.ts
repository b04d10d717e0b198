import type { ApplicationView } from '@openday/contracts';
import { inspect, clickWhenStill } from './checks';
import { fieldset, fillPerson, reloadUntilVisible, openFromList, signInWithTextedCode } from './citizen';
import { expect, test } from './fixtures';
import { newMobile, residentId, type OpenDay } from './platform';
import { pattern, words } from './words';

const w = words('zh-CN');
const WATER = '走进自来水厂：从源头到龙头';
const TAX = '税务便民服务开放日：走进办税服务厅';
const OPINION = '建议在水厂门口增设水质实时公示屏，并每月公开检测报告。';
const ANSWER = '已列入明年一季度计划：水厂门口将设置水质公示屏，检测报告每月公开。';
const UNIT = { name: '温泉街道社区服务中心', creditCode: '91350100M000100Y43' };

/**
 * The whole citizen journey in Chinese on a phone: find an open day, open it, sign in with the
 * texted code, apply; apply for a unit with two members on another open day; be selected by
 * the selection group; the ticket and its QR code; the messages; withdraw the unit's
 * application; after check-in on the day, give an opinion, read the department's answer and
 * rate it. Every page is checked with axe and photographed at both sizes on the way.
 */
test('the citizen journey in Chinese, from the list to a rated answer', async ({ page, platform }) => {
  test.setTimeout(240_000);
  const [water] = await Promise.all([platform.publishOpenDay(WATER), platform.publishOpenDay(TAX)]);
  const me = { name: '张三', idNumber: residentId('1980-05-17'), mobile: newMobile() };
  const members = [
    { name: '李四', idNumber: residentId('1985-03-08'), mobile: newMobile() },
    { name: '王小五', idNumber: residentId('1992-11-30'), mobile: newMobile() },
  ];

  await test.step('find the open day on the list and open it', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: w('list.title') })).toBeVisible();
    await expect(page.getByRole('link', { name: WATER }).first()).toBeVisible();
    await inspect(page, 'list', 'zh-CN', { textSize: true });
    await openFromList(page, WATER);
    await expect(page.getByText(w('detail.selectionSentence.selection-group'))).toBeVisible();
    await inspect(page, 'open-day', 'zh-CN', { textSize: true });
  });

  await test.step('sign in with the code texted to the phone', async () => {
    await page.getByRole('link', { name: w('detail.apply') }).or(page.getByRole('button', { name: w('detail.apply') })).first().click();
    await expect(page.getByRole('heading', { level: 1, name: w('signIn.title') })).toBeVisible();
    await inspect(page, 'sign-in', 'zh-CN');
    await signInWithTextedCode(page, platform, me.mobile, w);
  });

  await test.step('apply for oneself', async () => {
    await expect(page.getByRole('heading', { level: 1, name: w('account.apply.title', { title: WATER }) })).toBeVisible();
    await expect(page.getByRole('radio', { name: w('account.apply.channels.self') })).toBeChecked();
    await fillPerson(fieldset(page, w('account.apply.applicant')), me, w);
    // The district is offered by name, as the open-day page names it, not by its code.
    const district = fieldset(page, w('account.apply.applicant')).getByLabel(w('account.apply.district'));
    await expect.soft(district.locator('option:checked'), 'the district is offered by its name').toHaveText('鼓楼区');
    await page.getByRole('checkbox', { name: w('account.apply.privacy.consent') }).check();
    await inspect(page, 'apply', 'zh-CN', { textSize: true });
    await page.getByRole('button', { name: w('account.apply.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.received.title') })).toBeVisible();
    await expect(page.getByText(w('account.received.notSelected'))).toBeVisible();
    await inspect(page, 'received', 'zh-CN');
  });

  await test.step('apply for a unit with two members on another open day', async () => {
    await page.goto('/');
    await openFromList(page, TAX);
    await page.getByRole('link', { name: w('detail.apply') }).or(page.getByRole('button', { name: w('detail.apply') })).first().click();
    await page.getByRole('radio', { name: w('account.apply.channels.group') }).check();
    await page.getByLabel(w('account.apply.unitName')).fill(UNIT.name);
    await page.getByLabel(w('account.apply.creditCode')).fill(UNIT.creditCode);
    await fillPerson(fieldset(page, w('account.apply.member', { n: 1 })), members[0], w);
    await page.getByRole('button', { name: w('account.apply.addMember') }).click();
    await fillPerson(fieldset(page, w('account.apply.member', { n: 2 })), members[1], w);
    await page.getByRole('checkbox', { name: w('account.apply.privacy.consent') }).check();
    await inspect(page, 'apply-group', 'zh-CN');
    await page.getByRole('button', { name: w('account.apply.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.received.title') })).toBeVisible();
    await expect(page.getByText(w('account.received.people', { names: `${members[0].name}、${members[1].name}` })).or(page.getByText(members[1].name))).toBeVisible();
  });

  // The citizen's own API session, for what staff need to know (which application, which ticket).
  const token = await platform.citizenToken(me.mobile);
  const mine = async (day: OpenDay) =>
    ((await (await platform.call('GET', '/api/v1/me/applications?limit=50', undefined, token)).json()) as { items: ApplicationView[] }).items.find((a) => a.openDayId === day.openDayId)!;

  await test.step('the selection group selects: "selected" on my applications', async () => {
    await platform.selectByGroup(water.openDayId, [(await mine(water)).id]);
    await page.getByRole('navigation', { name: w('common.tabs.label') }).getByRole('link', { name: w('common.tabs.applications') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.applications.title') })).toBeVisible();
    const card = page.getByRole('article', { name: w('account.applications.open', { title: WATER }) });
    await reloadUntilVisible(page, card.getByText(w('account.applications.state.selected')));
    await expect(page.getByRole('article', { name: w('account.applications.open', { title: TAX }) }).getByText(w('account.applications.state.received')).first()).toBeVisible();
    await inspect(page, 'applications', 'zh-CN');
  });

  const ticket = await platform.ticketOf(token, water.openDayId);

  await test.step('the timeline, then the ticket with its QR code', async () => {
    await page.getByRole('link', { name: w('account.applications.open', { title: WATER }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.timeline.title') })).toBeVisible();
    await expect(page.getByText(w('account.timeline.entry.selected'), { exact: true })).toBeVisible();
    await inspect(page, 'timeline', 'zh-CN');
    await page.getByRole('link', { name: w('account.timeline.openTicket') }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.ticket.title') })).toBeVisible();
    await expect(page.getByText(ticket.checkInCode)).toBeVisible();
    await expect(page.getByRole('img', { name: w('account.ticket.qrLabel', { code: ticket.checkInCode }) })).toBeVisible();
    await expect(page.getByText('市民中心北门').first()).toBeVisible();
    await inspect(page, 'ticket', 'zh-CN', { textSize: true });
  });

  await test.step('the messages in the inbox', async () => {
    await page.getByRole('navigation', { name: w('common.tabs.label') }).getByRole('link', { name: w('common.tabs.inbox') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.inbox.title') })).toBeVisible();
    const messages = page.getByRole('list', { name: w('account.inbox.title') }).getByRole('listitem');
    const selected = messages.filter({ hasText: /恭喜您入选/ });
    await reloadUntilVisible(page, selected.first());
    await expect(messages.filter({ hasText: w('account.received.title') }).first()).toBeVisible();
    await inspect(page, 'inbox', 'zh-CN');
    // Read it: the body opens, with the date, the time and the assembly point.
    const unread = await page.getByRole('status').textContent();
    await selected.first().locator('summary').click();
    await expect(selected.first().getByText(/恭喜您入选/)).toBeVisible();
    await expect(selected.first().getByText(/市民中心北门/)).toBeVisible();
    await expect(page.getByRole('status')).not.toHaveText(unread ?? '');
  });

  await test.step('checked in on the day by staff, give an opinion', async () => {
    await platform.checkIn(water.openDayId, ticket, me.idNumber);
    await page.goto(`/me/tickets/${ticket.ticketId}`);
    await expect(page.getByText(pattern(w('account.ticket.checkedInAt')))).toBeVisible({ timeout: 30_000 });
    await page.getByRole('link', { name: w('account.ticket.feedback') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('account.feedback.giveTitle') })).toBeVisible();
    await page.getByLabel(w('account.feedback.topic')).selectOption({ label: w('account.feedback.topics.transparency') });
    await page.getByLabel(w('account.feedback.text')).fill(OPINION);
    await inspect(page, 'opinion', 'zh-CN', { textSize: true });
    await page.getByRole('button', { name: w('account.feedback.submit') }).click();
    await expect(page.getByText(w('account.feedback.sent'))).toBeVisible();
  });

  await test.step('the satisfaction survey', async () => {
    await page.goto(`/me/open-days/${water.openDayId}/survey`);
    await expect(page.getByRole('heading', { level: 1, name: w('account.survey.title') })).toBeVisible();
    const questions = page.getByRole('group');
    await questions.first().getByRole('radio', { name: w('account.survey.rating', { n: 5 }) }).check();
    await inspect(page, 'survey', 'zh-CN');
    await page.getByRole('button', { name: w('account.survey.submit') }).click();
    // (the page says "answered already" rather than "sent" once it has refetched: reported)
    await expect(page.getByText(w('account.survey.sent')).or(page.getByText(w('account.survey.answered')))).toBeVisible();
  });

  await test.step('the department’s answer, rated', async () => {
    await platform.assignAndAnswer(water.openDayId, OPINION, ANSWER);
    await page.goto('/me/feedback');
    await expect(page.getByRole('heading', { level: 1, name: w('account.feedback.mineTitle') })).toBeVisible();
    await expect(page.getByText(ANSWER)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('radio', { name: w('account.feedback.rating', { n: 4 }) }).check();
    await page.getByRole('button', { name: w('account.feedback.submitRating') }).click();
    await expect(page.getByText(w('account.feedback.rated', { n: 4 }))).toBeVisible();
    await inspect(page, 'my-feedback', 'zh-CN');
  });

  await test.step('withdraw the unit’s application, confirming first', async () => {
    await page.getByRole('navigation', { name: w('common.tabs.label') }).getByRole('link', { name: w('common.tabs.applications') }).click();
    const card = page.getByRole('article', { name: w('account.applications.open', { title: TAX }) });
    await card.getByRole('button', { name: w('account.applications.withdraw') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(w('account.applications.withdrawTitle'))).toBeVisible();
    await expect(dialog.getByText(w('account.applications.withdrawBody', { title: TAX }))).toBeVisible();
    await inspect(page, 'withdraw-dialog', 'zh-CN');
    await clickWhenStill(dialog.getByRole('button', { name: w('account.applications.withdrawConfirm') }));
    await expect(card.getByText(w('account.applications.state.withdrawn')).first()).toBeVisible();
    await expect(card.getByRole('button', { name: w('account.applications.withdraw') })).toBeHidden();
  });
});
