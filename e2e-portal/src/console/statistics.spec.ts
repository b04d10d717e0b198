import type { Locator, Page } from '@playwright/test';
import type { StatisticsView } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { expect, test } from '../fixtures';
import { EVENT_DATE, json, newMobile, residentId, type Person } from '../platform';
import { words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');
const TITLE = '统计看板测试：走进第三水厂';
const OPINION = '建议在水厂开放日增加水质检测体验环节。';
const ANSWER = '下次开放日将增设水质检测体验环节。';
const YEAR = EVENT_DATE.slice(0, 4);
const MONTH = EVENT_DATE.slice(0, 7);

/** Clicks the band of category `index` in a board's chart, just above the axis (where every bar starts); the chart says where its area is. */
async function clickBar(chart: Locator, index: number): Promise<void> {
  const box = (await chart.boundingBox())!;
  const bands = Number(await chart.getAttribute('data-bands'));
  const [left, right, bottom] = (await chart.getAttribute('data-grid'))!.split(' ').map(Number);
  expect(index, 'the bar is on the chart').toBeLessThan(bands);
  await chart.click({ position: { x: left + ((box.width - left - right) * (index + 0.5)) / bands, y: box.height - bottom - 4 } });
}

const chartOf = (page: Page, name: string) => page.locator(`.statistics-chart[data-chart="${name}"]:visible`);

/** The row of a figures table whose header is named `label`. */
function figureRow(page: Page, caption: string, label: string): Locator {
  return page.getByRole('table', { name: caption }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

/**
 * The statistics boards (issue 11, item 7): an open day with two applications, both selected,
 * one checked in who gives an opinion that the tax bureau answers. Water-staff sees the open
 * day's board with those counts and clicks the "answered" bar to list the opinion; the city
 * office sees the city by month and by agency and clicks a month's and an agency's bar to list
 * the open day; the water admin reads the agency's board in English.
 */
test('statistics boards: an open day’s counts, the city by month and by agency, a bar opens its list', async ({ page, platform }) => {
  test.setTimeout(150_000);
  const day = await platform.publishOpenDay(TITLE);
  const people: Person[] = [
    { name: '钱统计', idNumber: residentId('1983-02-14'), mobile: newMobile() },
    { name: '吴缺席', idNumber: residentId('1990-07-09'), mobile: newMobile() },
  ];
  const tokens = await Promise.all(people.map((person) => platform.citizenToken(person.mobile)));
  const applications = await Promise.all(people.map((person, i) => platform.applyByApi(day.openDayId, tokens[i], person)));
  await platform.selectByGroup(
    day.openDayId,
    applications.map((application) => application.id),
  );
  const ticket = await platform.ticketOf(tokens[0], day.openDayId);
  await platform.checkIn(day.openDayId, ticket, people[0].idNumber);
  // Feedback learns of the check-in from the bus: the opinion is taken once it has.
  await waitFor(
    async () => (await platform.call('POST', `/api/v1/open-days/${day.openDayId}/feedback`, { text: OPINION, topic: 'public-service' }, tokens[0])).status === 201,
    { timeoutMs: 30_000, intervalMs: 300, what: 'the representative’s opinion' },
  );
  await platform.assignAndAnswer(day.openDayId, OPINION, ANSWER);
  await waitFor(
    async () => {
      const view = await json<StatisticsView>(await platform.call('GET', `/api/v1/statistics/open-days/${day.openDayId}`, undefined, platform.staff('water-staff')));
      return view.participation.applications === 2 && view.participation.selected === 2 && view.participation.checkedIn === 1 && view.figures.answered === 1;
    },
    { timeoutMs: 30_000, intervalMs: 300, what: 'the counts to reach feedback' },
  );

  await test.step('water-staff: the open day’s board, and the "answered" bar lists the opinion', async () => {
    await openConsoleAs(page, platform, 'water-staff', 'zh-CN', `/console/statistics/open-days/${day.openDayId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const participation = w('console.statistics.openDay.participationCaption');
    const feedback = w('console.statistics.openDay.feedbackCaption');
    await expect(figureRow(page, participation, w('console.statistics.figures.applications'))).toContainText('2');
    await expect(figureRow(page, participation, w('console.statistics.figures.selected'))).toContainText('2');
    await expect(figureRow(page, participation, w('console.statistics.figures.checkedIn'))).toContainText('1');
    await expect(figureRow(page, feedback, w('console.statistics.figures.answered'))).toContainText('1');
    await expect(figureRow(page, feedback, w('console.statistics.figures.overdueNow'))).toContainText('0');
    await inspectConsole(page, 'statistics-open-day', 'zh-CN');

    // Bars: collected, assigned, answered, solved, overdue.
    await clickBar(chartOf(page, 'feedback'), 2);
    await expect(page).toHaveURL(/bar=answered/);
    await expect(page.getByRole('heading', { level: 2, name: w('console.statistics.items.title', { figure: w('console.statistics.figures.answered'), count: 1 }) })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: OPINION });
    await expect(row).toContainText(w('console.statistics.items.statuses.answered'));
    await expect(row).toContainText(w('console.statistics.items.outcomes.will-be-solved'));
  });

  await test.step('water-staff: back to the agency’s board, its month lists the open day', async () => {
    await page.getByRole('link', { name: w('console.statistics.openDay.back') }).click();
    await expect(page.getByRole('heading', { level: 1, name: w('console.statistics.agencyTitle', { agency: '市水务局' }) })).toBeVisible();
    await expect(page.getByRole('combobox', { name: w('console.statistics.year') })).toBeVisible();
    // The event's year (two weeks ahead may be next year), as the year picker puts it in the address.
    await page.goto(`/console/statistics?year=${YEAR}`);
    await inspectConsole(page, 'statistics-agency', 'zh-CN');
    await clickBar(chartOf(page, 'participation'), Number(MONTH.slice(5)) - 1);
    await expect(page).toHaveURL(new RegExp(`month=${MONTH}`));
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  });

  const city = await page.context().newPage();
  await test.step('the city office: the city by month, a month’s bar lists its open days', async () => {
    await openConsoleAs(city, platform, 'city-office', 'zh-CN', `/console/statistics?year=${YEAR}`);
    await expect(city.getByRole('heading', { level: 1, name: w('console.statistics.cityTitle') })).toBeVisible();
    await expect(city.getByRole('tab', { name: w('console.statistics.byMonth') })).toHaveAttribute('aria-selected', 'true');
    await inspectConsole(city, 'statistics-city-month', 'zh-CN');
    await clickBar(chartOf(city, 'feedback'), Number(MONTH.slice(5)) - 1);
    await expect(city).toHaveURL(new RegExp(`month=${MONTH}`));
    const list = city.locator('#statistics-list-section');
    await expect(list.getByRole('heading', { level: 2 })).toContainText(String(Number(MONTH.slice(5))));
    await expect(list.getByRole('link', { name: TITLE })).toBeVisible();
  });

  await test.step('the city office: the city by agency, the water bureau’s bar lists its open days', async () => {
    await city.getByRole('tab', { name: w('console.statistics.byAgency') }).click();
    await expect(city).toHaveURL(/by=agency/);
    const view = await json<StatisticsView>(await platform.call('GET', `/api/v1/statistics/city?year=${YEAR}`, undefined, platform.staff('city-office')));
    const agencies = view.byAgency.map((group) => group.key);
    await expect(city.getByRole('button', { name: '市水务局', exact: true })).toBeVisible();
    await inspectConsole(city, 'statistics-city-agency', 'zh-CN');
    await clickBar(chartOf(city, 'participation'), agencies.indexOf('water-affairs-bureau'));
    await expect(city).toHaveURL(/agency=water-affairs-bureau/);
    const list = city.locator('#statistics-list-section');
    await expect(list.getByRole('heading', { level: 2, name: w('console.statistics.list.agencyTitle', { agency: '市水务局' }) })).toBeVisible();
    await list.getByRole('link', { name: TITLE }).click();
    await expect(city.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  });
  await city.close();

  await test.step('the water admin reads the agency’s board in English', async () => {
    const admin = await page.context().newPage();
    const en = words('en');
    await openConsoleAs(admin, platform, 'water-admin', 'en', `/console/statistics?year=${YEAR}`);
    await expect(admin.getByRole('heading', { level: 1, name: en('console.statistics.agencyTitle', { agency: '市水务局' }) })).toBeVisible();
    await expect(admin.getByRole('heading', { level: 2, name: en('console.statistics.list.yearTitle', { year: YEAR }) })).toBeVisible();
    await expect(admin.getByRole('link', { name: TITLE })).toBeVisible();
    await inspectConsole(admin, 'statistics-agency', 'en');
    await admin.close();
  });
});
