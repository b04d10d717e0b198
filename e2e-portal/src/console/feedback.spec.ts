import type { Locator, Page } from '@playwright/test';
import type { SurveyView } from '@openday/contracts';
import { addDays } from '@openday/domain';
import { waitFor } from '@openday/testing';
import { expect, test } from '../fixtures';
import { EVENT_DATE, json, newMobile, residentId, type Person } from '../platform';
import { pattern, words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');
const OPINION = '建议水厂开放日增加周末场次，方便上班族参加';
const ANSWER = '已协调增设周六场次，下月起执行。';
const FORUM = '座谈会上代表提出：希望每季度公开一次出厂水水质检测报告';

/** The row of the list (not of a drawer's details) that holds `text`. */
function listRow(page: Page, text: string): Locator {
  return page.locator('.ant-table-tbody').getByRole('row').filter({ hasText: text });
}

/** Picks an option of the antd Select labelled `label` inside `scope` (its list opens in a portal). */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  const field = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const openList = page.locator('.ant-select-dropdown:visible');
  // A click during the list's opening or closing animation can be lost (the list stays open, or
  // never opens): open it again if it is shut, until the option shows in the field and the list
  // is closed, because axe reads an open list as part of the page.
  await expect(async () => {
    if ((await openList.count()) === 0) await select.click({ timeout: 3_000 });
    await openList.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 3_000 });
    await expect(openList).toHaveCount(0, { timeout: 3_000 });
    await expect(field).toContainText(option, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Feedback and the survey (issue 11, item 6): a representative checked in on the day gives an
 * opinion (through the API); water-staff assigns it to the tax bureau with a due date in the
 * console; tax-handler answers it in the department's inbox; water-staff sees the answer in
 * triage, records what was said at a forum, writes the survey's own questions, and once the
 * representative has answered (through the API) reads the results.
 */
test('feedback triage, assignment and answer, a forum record, the survey questions and results', async ({ page, platform, browser }) => {
  const day = await platform.publishOpenDay('意见办理测试：走进城北水厂');
  const person: Person = { name: '钱意见', idNumber: residentId('1984-03-17'), mobile: newMobile() };
  const citizen = await platform.citizenToken(person.mobile);
  const application = await platform.applyByApi(day.openDayId, citizen, person);
  await platform.selectByGroup(day.openDayId, [application.id]);
  await platform.checkIn(day.openDayId, await platform.ticketOf(citizen, day.openDayId), person.idNumber);
  // Feedback runs on the event day: the opinion is taken once it has heard of the check-in.
  await waitFor(
    async () => (await platform.call('POST', `/api/v1/open-days/${day.openDayId}/feedback`, { text: OPINION, topic: 'public-service' }, citizen)).status === 201,
    { timeoutMs: 30_000, intervalMs: 300, what: 'feedback to take the checked-in representative’s opinion' },
  );

  await test.step('water-staff assigns the opinion to the tax bureau with a due date', async () => {
    await openConsoleAs(page, platform, 'water-staff', 'zh-CN', `/console/feedback?openDay=${day.openDayId}`);
    await expect(page.getByRole('heading', { level: 1, name: w('console.feedback.title') })).toBeVisible();
    const row = listRow(page, OPINION);
    await expect(row).toContainText(w('console.feedback.status.collected'));
    await inspectConsole(page, 'feedback-triage', 'zh-CN');

    await row.getByRole('button', { name: w('console.feedback.assignAction') }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByRole('heading', { name: w('console.feedback.assign.title') })).toBeVisible();
    // Sent without a department: said in words before anything reaches the server.
    await drawer.getByRole('button', { name: w('console.feedback.assign.submit'), exact: true }).click();
    await expect(drawer.getByText(w('console.feedback.assignProblems.departmentId.required'))).toBeVisible();
    await choose(page, drawer, w('console.feedback.assign.department'), '市税务局');
    await drawer.getByLabel(w('console.feedback.assign.dueDate')).fill(addDays(EVENT_DATE, 20));
    await inspectConsole(page, 'feedback-assign', 'zh-CN');
    await drawer.getByRole('button', { name: w('console.feedback.assign.submit'), exact: true }).click();
    await expect(page.getByText(pattern(w('console.feedback.assign.done')))).toBeVisible();
    await expect(row).toContainText(w('console.feedback.status.assigned'));
    await expect(row).toContainText('市税务局');
  });

  await test.step('tax-handler answers it in the department’s inbox', async () => {
    const context = await browser.newContext({ baseURL: platform.url, viewport: CONSOLE_SCREEN, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const handler = await context.newPage();
    await openConsoleAs(handler, platform, 'tax-handler', 'zh-CN', '/console/department-feedback');
    await listRow(handler, OPINION).getByRole('button', { name: w('console.deptFeedback.answerAction') }).click();
    const drawer = handler.getByRole('dialog');
    await drawer.getByText(w('console.deptFeedback.outcomes.solved.label'), { exact: true }).click();
    await drawer.getByLabel(w('console.deptFeedback.answerText')).fill(ANSWER);
    await drawer.getByRole('button', { name: w('console.deptFeedback.send') }).click();
    await expect(handler.getByText(w('console.deptFeedback.answered'))).toBeVisible();
    await context.close();
  });

  await test.step('water-staff sees the answer in triage', async () => {
    await page.goto(`/console/feedback?openDay=${day.openDayId}&status=answered`);
    const row = listRow(page, OPINION);
    await expect(row).toContainText(w('console.feedback.outcomes.solved'));
    await row.getByRole('button', { name: w('console.feedback.viewAction') }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByText(ANSWER)).toBeVisible();
    await expect(drawer.getByText(w('console.feedback.answer.notRated'))).toBeVisible();
    await inspectConsole(page, 'feedback-answer', 'zh-CN');
  });

  await test.step('water-staff records what was said at a forum', async () => {
    await page.goto(`/console/feedback?openDay=${day.openDayId}`);
    await page.getByRole('button', { name: w('console.feedback.record.action') }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: w('console.feedback.record.submit') }).click();
    await expect(drawer.getByText(w('console.feedback.recordProblems.text.required'))).toBeVisible();
    await choose(page, drawer, w('console.feedback.topic'), w('console.feedback.topics.transparency'));
    await drawer.getByLabel(w('console.feedback.record.text')).fill(FORUM);
    await inspectConsole(page, 'feedback-record', 'zh-CN');
    await drawer.getByRole('button', { name: w('console.feedback.record.submit') }).click();
    await expect(page.getByText(w('console.feedback.record.done'))).toBeVisible();
    const row = listRow(page, FORUM);
    await expect(row).toContainText(w('console.feedback.sources.recorded-by-staff'));
    await expect(row).toContainText(w('console.feedback.status.collected'));
  });

  await test.step('water-staff writes the survey’s own questions', async () => {
    await page.getByRole('main').getByRole('link', { name: w('console.feedback.toSurvey') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('console.survey.title') })).toBeVisible();
    await page.getByRole('button', { name: w('console.survey.add', { kind: w('console.survey.kinds.single-choice') }) }).click();
    const transport = page.getByRole('region', { name: w('console.survey.question.number', { n: 2 }), exact: true });
    await transport.getByLabel(w('console.survey.question.prompt')).fill('您是怎么来到水厂的？');
    await transport.getByRole('textbox', { name: w('console.survey.question.option', { n: 1 }), exact: true }).fill('公交');
    await transport.getByRole('textbox', { name: w('console.survey.question.option', { n: 2 }), exact: true }).fill('地铁');
    await transport.getByRole('button', { name: w('console.survey.question.addOption') }).click();
    await transport.getByRole('textbox', { name: w('console.survey.question.option', { n: 3 }), exact: true }).fill('自驾');
    await transport.getByRole('checkbox', { name: w('console.survey.question.required') }).check();
    await page.getByRole('button', { name: w('console.survey.add', { kind: w('console.survey.kinds.rating') }) }).click();
    // A question without its words is refused before saving, naming the question.
    await page.getByRole('button', { name: w('console.survey.save') }).click();
    await expect(page.getByText(w('console.survey.problems.some'))).toBeVisible();
    const guide = page.getByRole('region', { name: w('console.survey.question.number', { n: 3 }), exact: true });
    await expect(guide.getByText(w('console.survey.problems.prompt.required'))).toBeVisible();
    await guide.getByLabel(w('console.survey.question.prompt')).fill('讲解员讲得清楚吗？');
    await page.getByRole('button', { name: w('console.survey.save') }).click();
    await expect(page.getByText(w('console.survey.saved'))).toBeVisible();
    await inspectConsole(page, 'survey-editor', 'zh-CN');
  });

  // The representative answers the survey with the agency's questions.
  const survey = await json<SurveyView>(await platform.call('GET', `/api/v1/open-days/${day.openDayId}/survey`, undefined, citizen));
  const [, transportId, guideId] = survey.questions.map((q) => q.id);
  await json(
    await platform.call(
      'POST',
      `/api/v1/open-days/${day.openDayId}/survey/responses`,
      { answers: [{ questionId: 'overall', value: 5 }, { questionId: transportId, value: '地铁' }, { questionId: guideId, value: 4 }] },
      citizen,
    ),
    201,
  );

  await test.step('water-staff reads the results, in Chinese and English', async () => {
    await page.reload();
    await expect(page.getByText(w('console.survey.locked', { count: 1 }))).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: w('console.survey.toResults') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('console.survey.results.title') })).toBeVisible();
    await expect(page.locator('.ant-statistic').filter({ hasText: w('console.survey.results.responses') })).toContainText('1');
    await expect(page.locator('.ant-statistic').filter({ hasText: w('console.survey.results.mean') })).toContainText('5.00');
    const transport = page.getByRole('region', { name: /您是怎么来到水厂的/ });
    await expect(transport.getByRole('row').filter({ hasText: '地铁' })).toContainText('100%');
    await expect(transport.getByRole('row').filter({ hasText: '公交' })).toContainText('0%');
    await expect(transport.getByRole('img', { name: pattern(w('console.survey.results.chartLabel')) }).locator('canvas')).toBeVisible();
    const guide = page.getByRole('region', { name: /讲解员讲得清楚吗/ });
    await expect(guide).toContainText(w('console.survey.results.meanOf', { mean: '4.00' }));
    await expect(guide.getByRole('row').filter({ hasText: w('console.survey.results.rating', { n: 4 }) })).toContainText('100%');
    await inspectConsole(page, 'survey-results', 'zh-CN');

    const en = words('en');
    await page.goto(`/console/survey/results?openDay=${day.openDayId}&lang=en`);
    await expect(page.getByRole('heading', { level: 1, name: en('console.survey.results.title') })).toBeVisible();
    await expect(page.getByRole('region', { name: /您是怎么来到水厂的/ }).getByRole('columnheader', { name: en('console.survey.results.columns.count') })).toBeVisible();
    await inspectConsole(page, 'survey-results', 'en');
  });
});
