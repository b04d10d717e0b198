import { clickWhenStill } from '../checks';
import type { Page } from '@playwright/test';
import { addDays } from '@openday/domain';
import { expect, test } from '../fixtures';
import { EVENT_DATE, json, TODAY } from '../platform';
import { pattern, words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');

/** Shanghai wall clock as a datetime-local field takes it, `seconds` from now. */
function shanghaiLocal(secondsFromNow: number): string {
  return new Date(Date.now() + secondsFromNow * 1000 + 8 * 3_600_000).toISOString().slice(0, 19);
}

/** Picks an option of the antd Select labelled `label` (its list opens in a portal). */
async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/**
 * The agency's plan from the editor to publication (issue 11, item 8): water-staff writes a plan
 * in the browser, seeing the quota arithmetic as they type, and files it; the city office returns
 * it with a comment on its filing page; water-staff reads the comment, corrects the plan and
 * files it again; the city office approves it and the platform publishes it at its publication
 * time (a few seconds ahead), which water-staff sees on the plan's page with its history.
 */
test('a plan written in the editor is filed, returned with a comment, corrected, approved and published', async ({ page, browser, platform }) => {
  // Filing is 5 working days ahead of the event on the real clock (a test before may have moved scheduling's).
  await platform.schedulingOn(null);
  const title = `开放日方案测试：走进自来水厂 ${Date.now() % 100_000}`;
  const comment = '请把普通市民名额增加到 6 个，人大代表减为 4 个，并尽快发布。';

  await openConsoleAs(page, platform, 'water-staff', 'zh-CN', '/console/plans');
  await expect(page.getByRole('heading', { level: 1, name: w('console.plans.list.title') })).toBeVisible();
  await page.getByRole('button', { name: w('console.plans.list.new') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.plans.editor.newTitle') })).toBeVisible();

  // The plan, written in the editor.
  await page.getByLabel(w('console.plans.fields.title'), { exact: true }).fill(title);
  await page.getByLabel(w('console.plans.fields.theme'), { exact: true }).fill('了解城市供水全过程，座谈水价与水质');
  await page.getByRole('checkbox', { name: w('console.plans.forms.site-visit') }).check();
  await page.getByRole('checkbox', { name: w('console.plans.forms.forum') }).check();
  await page.getByRole('radio', { name: new RegExp(w('console.plans.modes.selection-group')) }).check();

  await page.getByLabel(w('console.plans.editor.venueName', { n: 1 })).fill('第一水厂');
  await page.getByLabel(w('console.plans.editor.venueAddress', { n: 1 })).fill('滨江路 1 号');
  await page.getByRole('button', { name: w('console.plans.editor.addVenue') }).click();
  await page.getByLabel(w('console.plans.editor.venueName', { n: 2 })).fill('水质监测中心');
  await page.getByLabel(w('console.plans.editor.venueAddress', { n: 2 })).fill('滨江路 9 号');
  await page.getByLabel(w('console.plans.fields.assemblyPoint'), { exact: true }).fill('市民中心北门');
  await page.getByLabel(w('console.plans.fields.transport'), { exact: true }).fill('统一乘坐大巴');

  const session = page.getByRole('group', { name: w('console.plans.where.session', { n: 1 }) });
  await session.getByLabel(w('console.plans.fields.date'), { exact: true }).fill(EVENT_DATE);
  await session.getByLabel(w('console.plans.fields.startsAt'), { exact: true }).fill('09:00');
  await session.getByLabel(w('console.plans.fields.endsAt'), { exact: true }).fill('11:30');
  await session.getByLabel(w('console.plans.fields.capacity'), { exact: true }).fill('10');
  // Beside the event date: the last on-time filing date, 5 working days before.
  const deadline = await json<{ lastOnTimeFilingDate: string }>(await platform.call('GET', `/api/v1/working-calendar/filing-deadline?eventDate=${EVENT_DATE}`));
  expect(deadline.lastOnTimeFilingDate >= TODAY).toBe(true);
  await expect(session.getByText(pattern(w('console.plans.filing.onTime_other')))).toBeVisible();

  await session.getByLabel(w('console.plans.editor.agendaFrom', { n: 1 })).fill('09:00');
  await session.getByLabel(w('console.plans.editor.agendaTo', { n: 1 })).fill('10:00');
  await session.getByLabel(w('console.plans.editor.agendaActivity', { n: 1 })).fill('参观水厂中控室');
  await choose(page, session, w('console.plans.editor.agendaVenue', { n: 1 }), '第一水厂');
  await session.getByRole('button', { name: w('console.plans.editor.addAgendaItem') }).click();
  await session.getByLabel(w('console.plans.editor.agendaFrom', { n: 2 })).fill('10:00');
  await session.getByLabel(w('console.plans.editor.agendaTo', { n: 2 })).fill('11:30');
  await session.getByLabel(w('console.plans.editor.agendaActivity', { n: 2 })).fill('座谈交流');
  await choose(page, session, w('console.plans.editor.agendaVenue', { n: 2 }), '水质监测中心');

  // Quotas, with the arithmetic beside them as they are typed: 3 + 8 is 1 over the 10 places, and
  // ordinary citizens' 3 is 1 short of a third of the 10 who can come.
  await page.getByLabel(w('console.plans.editor.quotaPlaces', { n: 1 })).fill('3');
  await page.getByRole('button', { name: w('console.plans.editor.addQuota') }).click();
  await choose(page, page, w('console.plans.editor.quotaCategory', { n: 2 }), w('console.plans.categories.congress-deputy'));
  await page.getByLabel(w('console.plans.editor.quotaPlaces', { n: 2 })).fill('8');
  await expect(page.getByTestId('arithmetic-capacity')).toHaveText(w('console.plans.arithmetic.over', { capacity: 10, count: 1 }));
  await expect(page.getByTestId('arithmetic-ordinary')).toContainText(w('console.plans.arithmetic.missing', { count: 1 }));
  await page.getByLabel(w('console.plans.editor.quotaPlaces', { n: 1 })).fill('4');
  await page.getByLabel(w('console.plans.editor.quotaPlaces', { n: 2 })).fill('6');
  await expect(page.getByTestId('arithmetic-capacity')).toHaveText(w('console.plans.arithmetic.full', { capacity: 10 }));
  await expect(page.getByTestId('arithmetic-ordinary')).toContainText(w('console.plans.arithmetic.reached'));

  await page.getByLabel(w('console.plans.fields.publishAt'), { exact: true }).fill(`${addDays(TODAY, 1)}T09:00`);
  await page.getByLabel(w('console.plans.fields.registrationOpensAt'), { exact: true }).fill(`${addDays(TODAY, 1)}T09:00`);
  await page.getByLabel(w('console.plans.fields.registrationClosesAt'), { exact: true }).fill(`${addDays(EVENT_DATE, -3)}T16:00`);
  await page.getByRole('button', { name: w('console.plans.editor.addNotice') }).click();
  await page.getByLabel(w('console.plans.where.notice', { n: 1 }), { exact: true }).fill('请携带本人身份证原件');
  await inspectConsole(page, 'plans-editor', 'zh-CN');

  await page.getByRole('button', { name: w('console.plans.editor.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const planId = /\/console\/plans\/([0-9a-f-]{36})$/.exec(page.url())![1];
  await expect(page.getByText(w('console.plans.statuses.draft'), { exact: true })).toBeVisible();

  // Filed, after the confirmation that says the filing date.
  const file = async () => {
    await page.getByRole('button', { name: w('console.plans.actions.submit') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(w('console.plans.submit.title'));
    await clickWhenStill(dialog.getByRole('button', { name: w('console.plans.submit.ok') }));
    await expect(page.getByText(w('console.plans.statuses.submitted'), { exact: true })).toBeVisible();
  };
  await file();

  // The city office returns it with a comment, on its filing page.
  const office = await browser.newContext({ baseURL: platform.url, viewport: CONSOLE_SCREEN, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const officePage = await office.newPage();
  await openConsoleAs(officePage, platform, 'city-office', 'zh-CN', `/console/filing?plan=${planId}`);
  const drawer = officePage.getByRole('dialog');
  await expect(drawer).toContainText(title);
  await drawer.getByLabel(w('console.filing.comments')).fill(comment);
  await drawer.getByRole('button', { name: w('console.filing.return') }).click();
  await expect(officePage.getByText(w('console.filing.decided.return', { title }))).toBeVisible();

  // Water-staff sees the comment, corrects the plan and files it again.
  await page.reload();
  await expect(page.getByText(w('console.plans.statuses.returned'), { exact: true })).toBeVisible();
  await expect(page.getByText(w('console.plans.page.returnedComments', { comments: comment }))).toBeVisible();
  await page.getByRole('button', { name: w('console.plans.actions.edit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.plans.editor.editTitle', { title }) })).toBeVisible();
  await page.getByLabel(w('console.plans.editor.quotaPlaces', { n: 2 })).fill('4');
  await page.getByLabel(w('console.plans.editor.quotaPlaces', { n: 1 })).fill('6');
  await expect(page.getByTestId('arithmetic-capacity')).toHaveText(w('console.plans.arithmetic.full', { capacity: 10 }));
  // Published a few seconds after approval: the platform publishes at the publication time.
  const soon = shanghaiLocal(5);
  await page.getByLabel(w('console.plans.fields.publishAt'), { exact: true }).fill(soon);
  await page.getByLabel(w('console.plans.fields.registrationOpensAt'), { exact: true }).fill(soon);
  await page.getByRole('button', { name: w('console.plans.editor.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await file();

  // The city office approves it.
  await officePage.goto(`/console/filing?plan=${planId}`);
  await expect(drawer).toContainText(title);
  await drawer.getByRole('button', { name: w('console.filing.approve') }).click();
  await expect(officePage.getByText(w('console.filing.decided.approve', { title }))).toBeVisible();
  await office.close();

  // Water-staff's page follows the plan until it is published, with its whole history.
  await page.reload();
  await expect(page.getByText(w('console.plans.statuses.published'), { exact: true })).toBeVisible({ timeout: 30_000 });
  const history = page.locator('section').filter({ has: page.getByRole('heading', { name: w('console.plans.history.title') }) });
  for (const action of ['created', 'submitted', 'returned', 'edited', 'approved', 'published']) {
    await expect(history.getByText(w(`console.plans.history.actions.${action}`), { exact: true }).first()).toBeVisible();
  }
  await expect(history.getByText(w('console.plans.history.comments', { comments: comment }))).toBeVisible();
  await expect(page.getByRole('button', { name: w('console.plans.actions.change') })).toBeVisible();
  await inspectConsole(page, 'plan-page', 'zh-CN');

  await page.getByRole('link', { name: w('console.plans.actions.backToList') }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await inspectConsole(page, 'plans-list', 'zh-CN');

  // The editor in English, with every missing part named when saving an empty plan.
  const e = words('en');
  await page.goto('/console/plans/new?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: e('console.plans.editor.newTitle') })).toBeVisible();
  await page.getByRole('button', { name: e('console.plans.editor.save') }).click();
  await expect(page.getByRole('alert').filter({ hasText: e('console.plans.rules.atLeastOneForm') }).first()).toBeVisible();
  await inspectConsole(page, 'plans-editor', 'en');
});
