import { clickWhenStill } from '../checks';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { EVENT_DATE, json, newMobile } from '../platform';
import { words, type Language } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The first day from `from` on that is (or is not) a weekend day. */
function firstDay(from: string, weekend: boolean): string {
  let date = from;
  while ([0, 6].includes(weekday(date)) !== weekend) date = nextDay(date);
  return date;
}

/** Picks an option of an antd Select found by its label; a searchable one is typed into first (its list shows only the first options). */
async function choose(page: Page, label: string, option: string, search = false): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (search) await select.fill(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/**
 * The city office enters a year the platform does not have yet from the State Council's notice
 * (named holidays and an adjusted working day), sees it at a glance with its colours and marks,
 * and corrects one day on the grid (a refusal in words first); the calendar in English too.
 */
test('city office: a new year of the working-day calendar, at a glance, and one day corrected', async ({ page, platform }) => {
  const calendar = await json<{ coveredYears: number[] }>(await platform.call('GET', '/api/v1/working-calendar'));
  const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  // The year after the last covered one (never one the set-up or the seed added).
  const year = Math.max(thisYear, ...calendar.coveredYears) + 1;
  const springFrom = firstDay(`${year}-02-10`, false);
  const springTo = nextDay(nextDay(springFrom));
  const workedSaturday = firstDay(`${year}-02-01`, true);
  const notice: Array<[string, string]> = [
    [`${year}-01-01`, ''],
    [springFrom, springTo],
    [`${year}-04-05`, ''],
    [`${year}-05-01`, `${year}-05-03`],
    [`${year}-06-12`, ''],
    [`${year}-09-20`, ''],
    [`${year}-10-01`, `${year}-10-07`],
  ];

  await openConsoleAs(page, platform, 'city-office', 'zh-CN', '/console/calendar');
  await expect(page.getByRole('heading', { level: 1, name: w('console.calendar.title') })).toBeVisible();
  await page.getByRole('button', { name: w('console.calendar.addYear', { year }) }).first().click();
  const drawer = page.getByRole('dialog', { name: w('console.calendar.newYear.title') });
  await expect(drawer.getByLabel(w('console.calendar.newYear.year'))).toHaveValue(String(year));
  await drawer.getByLabel(w('console.calendar.newYear.basis')).fill(`国务院办公厅关于${year}年部分节假日安排的通知`);
  for (const [index, [from, to]] of notice.entries()) {
    await drawer.getByLabel(w('console.calendar.newYear.fromOf', { row: index + 1 })).fill(from);
    if (to) await drawer.getByLabel(w('console.calendar.newYear.toOf', { row: index + 1 })).fill(to);
  }
  await drawer.getByRole('button', { name: w('console.calendar.newYear.addAdjusted') }).click();
  await drawer.getByLabel(w('console.calendar.newYear.fromOf', { row: notice.length + 1 })).fill(workedSaturday);
  // The preview shows the notice before anything is saved.
  await expect(drawer.locator(`[data-date="${year}-10-03"]`)).toHaveClass(/cal-holiday/);
  await expect(drawer.locator(`[data-date="${workedSaturday}"]`)).toHaveClass(/cal-adjusted/);
  await inspectConsole(page, 'calendar-new-year', 'zh-CN');
  await drawer.getByRole('button', { name: w('console.calendar.newYear.save', { year }) }).click();

  const holidays = 1 + 3 + 1 + 3 + 1 + 1 + 7;
  await expect(page.getByRole('status').filter({ hasText: w('console.calendar.added', { year, holidays, adjusted: 1 }) })).toBeVisible();
  await expect(page.getByRole('heading', { name: w('console.calendar.yearTitle', { year }) })).toBeVisible();
  const day = (date: string) => page.locator(`section.cal-year [data-date="${date}"]`);
  await expect(day(`${year}-10-05`)).toHaveClass(/cal-holiday/);
  await expect(day(`${year}-10-05`)).toContainText(w('console.calendar.marks.holiday'));
  await expect(day(workedSaturday)).toHaveClass(/cal-adjusted/);
  await expect(day(workedSaturday)).toContainText(w('console.calendar.marks.adjusted'));
  await expect(day(`${year}-10-05`)).toHaveAttribute('aria-label', new RegExp(w('console.calendar.kinds.holiday').replace(/[()（）]/g, '.')));
  // Nothing is missing any more: the platform's coverage agrees.
  const coverage = await json<{ coveredYears: number[] }>(await platform.call('GET', '/api/v1/working-calendar/coverage', undefined, platform.staff('city-office')));
  expect(coverage.coveredYears).toContain(year);

  // One day corrected on the grid: a weekday cannot be a worked weekend day (said in words), a day off can.
  const extra = firstDay(`${year}-03-02`, false);
  await day(extra).click();
  const correction = page.getByRole('dialog', { name: w('console.calendar.correction.title') });
  await expect(correction.getByLabel(w('console.calendar.correction.date'))).toHaveValue(extra);
  await expect(correction.getByText(w('console.calendar.correction.now', { kind: w('console.calendar.kinds.working') }))).toBeVisible();
  await correction.getByLabel(w('console.calendar.correction.reason')).fill('根据补充通知调整');
  await correction.getByRole('radio', { name: new RegExp(w('console.calendar.correction.kinds.adjusted.label')) }).check();
  await correction.getByRole('button', { name: w('console.calendar.correction.save') }).click();
  await expect(correction.getByRole('alert')).toHaveText(w('console.calendar.correction.problems.not-weekend'));
  await correction.getByRole('radio', { name: new RegExp(w('console.calendar.correction.kinds.holiday.label').replace(/[()（）]/g, '.')) }).check();
  await correction.getByRole('button', { name: w('console.calendar.correction.save') }).click();
  await expect(correction).toBeHidden();
  await expect(day(extra)).toHaveClass(/cal-holiday/);
  const after = await json<{ holidays: string[] }>(await platform.call('GET', `/api/v1/working-calendar?year=${year}`));
  expect(after.holidays).toContain(extra);
  await inspectConsole(page, 'calendar', 'zh-CN');

  await inspectCalendarIn(page, 'en', year);
});

async function inspectCalendarIn(page: Page, language: Language, year: number): Promise<void> {
  const t = words(language);
  await page.goto(`/console/calendar?year=${year}&lang=${language}`);
  await expect(page.getByRole('heading', { level: 1, name: t('console.calendar.title') })).toBeVisible();
  await expect(page.getByRole('heading', { name: t('console.calendar.yearTitle', { year }) })).toBeVisible();
  await expect(page.getByRole('list', { name: t('console.calendar.legend') })).toContainText(t('console.calendar.kinds.adjusted'));
  await inspectConsole(page, 'calendar', language);
}

/**
 * The city office's logs and figures: the audit log filtered by an action and staff reads by list, the delivery log of a
 * sign-in code with the number masked, the applications flagged by the 2-working-day rule, the
 * city-wide report with its totals and both exports downloaded and read, and the agencies.
 */
test('city office: audit log, delivery log, flagged applications, the report with its exports, the agencies', async ({ page, platform }) => {
  const title = `全市报表测试：走进自来水厂 ${Date.now().toString(36)}`;
  const day = await platform.publishOpenDay(title);
  const mobile = newMobile();
  await platform.citizenToken(mobile);
  // A staff read of personal data: the selection group opens the open day's applicant list.
  expect((await platform.call('GET', `/api/v1/open-days/${day.openDayId}/applicants`, undefined, platform.staff('water-reviewer'))).status).toBe(200);

  await openConsoleAs(page, platform, 'city-office', 'zh-CN', '/console/audit');
  await expect(page.getByRole('heading', { level: 1, name: w('console.audit.title') })).toBeVisible();
  await choose(page, w('console.audit.filters.action'), w('console.audit.actions.plan.approved'), true);
  const auditRows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(auditRows.first()).toContainText(w('console.audit.actions.plan.approved'));
  await expect(auditRows.first()).toContainText(w('console.roles.city-office'));
  await expect(page.locator('.ant-table-wrapper .ant-spin-spinning')).toHaveCount(0);
  await inspectConsole(page, 'audit-log', 'zh-CN');
  // Staff reads, found by the list read: who, which list of which open day, how many people.
  await choose(page, w('console.audit.filters.list'), w('console.audit.lists.applicants'));
  const read = auditRows.filter({ hasText: day.openDayId.slice(0, 8) });
  await expect(read).toContainText(w('console.audit.actions.personal-data.read'));
  await expect(read).toContainText(w('console.roles.reviewer'));
  await expect(read).toContainText(`${w('console.audit.details.people')}：0`);

  await page.getByRole('navigation', { name: w('console.shell.menu') }).getByRole('link', { name: w('console.menu.deliveries') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.deliveries.title') })).toBeVisible();
  await choose(page, w('console.deliveries.filters.template'), w('console.deliveries.templates.sign-in-code'));
  const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
  await expect(page.locator('.ant-table-tbody').getByText(masked).first()).toBeVisible();
  await expect(page.getByText(mobile)).toHaveCount(0);
  await expect(page.locator('.ant-table-wrapper .ant-spin-spinning')).toHaveCount(0);
  await inspectConsole(page, 'deliveries', 'zh-CN');

  await page.getByRole('navigation', { name: w('console.shell.menu') }).getByRole('link', { name: w('console.menu.flagged') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.flagged.title') })).toBeVisible();
  await expect(page.getByText(w('console.flagged.empty')).or(page.locator('.ant-table-tbody tr.ant-table-row').first())).toBeVisible();
  await inspectConsole(page, 'flagged', 'zh-CN');

  await page.getByRole('navigation', { name: w('console.shell.menu') }).getByRole('link', { name: w('console.menu.report') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.report.title') })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title })).toBeVisible();
  await expect(page.locator('.ant-table-summary')).toContainText(w('console.report.totals', { count: 1 }).split('（')[0]);
  await inspectConsole(page, 'report', 'zh-CN');
  // The month of the open day: the filter reaches the export too.
  const month = EVENT_DATE.slice(0, 7);
  await choose(page, w('console.report.month'), new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(new Date(`${month}-01T00:00:00Z`)), true);
  await expect(page).toHaveURL(new RegExp(`month=${month}`));
  await expect(page.getByRole('row').filter({ hasText: title })).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w('console.report.export.csv') }).click()]);
  expect(csv.suggestedFilename()).toBe(`open-days-${month}.csv`);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.split('\n')[0].split(',').length).toBeGreaterThan(5);
  expect(csvText).toContain(title);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w('console.report.export.xlsx') }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`open-days-${month}.xlsx`);
  // An Office Open XML workbook is a zip file: it starts with "PK".
  expect(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByRole('navigation', { name: w('console.shell.menu') }).getByRole('link', { name: w('console.menu.agencies') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.accounts.agencies.title') })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'water-affairs-bureau' })).toBeVisible();
  await inspectConsole(page, 'agencies', 'zh-CN');
});

/** The water bureau's admin creates a staff account in the console, is given its password once, and the account signs in with it. */
test('agency admin: a new staff account in its own agency, its password handed over once', async ({ page, platform }) => {
  const username = `water-e2e-${Date.now().toString(36)}`;
  await openConsoleAs(page, platform, 'water-admin', 'zh-CN', '/console/accounts');
  await expect(page.getByRole('heading', { level: 1, name: w('console.accounts.title') })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'water-staff' }).first()).toBeVisible();
  await inspectConsole(page, 'accounts', 'zh-CN');

  await page.getByRole('button', { name: w('console.accounts.create') }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel(w('console.accounts.columns.username')) });
  // Checked before sending: each problem said on its field.
  await clickWhenStill(dialog.getByRole('button', { name: w('console.accounts.createSubmit') }));
  await expect(dialog.getByText(w('console.accounts.problems.username.required'))).toBeVisible();
  await dialog.getByLabel(w('console.accounts.columns.username')).fill(username);
  await dialog.getByLabel(w('console.accounts.columns.displayName')).fill('王测试');
  await choose(page, w('console.accounts.columns.role'), w('console.roles.agency-staff'));
  await clickWhenStill(dialog.getByRole('button', { name: w('console.accounts.createSubmit') }));

  const handOver = page.getByRole('dialog', { name: w('console.accounts.handOver.created', { username }) });
  await expect(handOver).toBeVisible();
  const password = (await handOver.getByTestId('handed-over-password').innerText()).trim();
  expect(password).toMatch(/^\S{14}$/);
  await handOver.getByRole('button', { name: w('console.accounts.handOver.close') }).click();
  await expect(page.getByRole('row').filter({ hasText: username })).toContainText(w('console.roles.agency-staff'));
  const signIn = await platform.call('POST', '/api/v1/auth/staff/sign-in', { username, password });
  expect(signIn.status).toBe(200);
});
