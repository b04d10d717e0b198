import { clickWhenStill } from '../checks';
import type { Locator, Page } from '@playwright/test';
import type { PlanView, RosterPage } from '@openday/contracts';
import { addDays } from '@openday/domain';
import { waitFor } from '@openday/testing';
import { expect, test } from '../fixtures';
import { EVENT_DATE, json, newMobile, residentId, type OpenDay, type Person, type PortalPlatform } from '../platform';
import { words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');

/** Picks an option of the antd Select labelled `label` (its list opens in a portal). */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Fills a session's times (and its one agenda item to fit them) on the change form. */
async function fillSession(page: Page, n: number, session: { date?: string; startsAt: string; endsAt: string; capacity?: number }): Promise<void> {
  const group = page.getByRole('group', { name: w('console.plans.where.session', { n }) });
  if (session.date) await group.getByLabel(w('console.plans.fields.date'), { exact: true }).fill(session.date);
  await group.getByLabel(w('console.plans.fields.startsAt'), { exact: true }).fill(session.startsAt);
  await group.getByLabel(w('console.plans.fields.endsAt'), { exact: true }).fill(session.endsAt);
  if (session.capacity !== undefined) await group.getByLabel(w('console.plans.fields.capacity'), { exact: true }).fill(String(session.capacity));
  await group.getByLabel(w('console.plans.editor.agendaFrom', { n: 1 })).fill(session.startsAt);
  await group.getByLabel(w('console.plans.editor.agendaTo', { n: 1 })).fill(session.endsAt);
}

/** Sends the change form after its confirmation and waits for the plan page. */
async function fileChange(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: w('console.changes.form.file') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(w('console.changes.form.confirmReview'));
  await clickWhenStill(dialog.getByRole('button', { name: w('console.changes.form.file') }));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(w('console.changes.form.filed'))).toBeVisible();
}

/**
 * A change to a published open day goes through the city office: water-staff adds an afternoon
 * session the day after and moves the first session's end, and files it; the city office sees it
 * in its queue in words (before → after) and returns it with a comment; water-staff reads the
 * comment on the plan page, corrects the change and files it again; the city office approves it;
 * the plan page shows it applied (in English too), a notice alone is applied at once without
 * review, and the public open-day page shows the new session.
 */
test('a change to a published open day is filed, returned with a comment, corrected, approved and applied', async ({ page, browser, platform }) => {
  const title = `开放日变更测试：走进自来水厂 ${Date.now() % 100_000}`;
  const day = await platform.publishOpenDay(title);
  const plans = await json<{ items: Array<{ id: string; title: string }> }>(
    await platform.call('GET', '/api/v1/plans?status=published&limit=100', undefined, platform.staff('water-staff')),
  );
  const planId = plans.items.find((plan) => plan.title === title)!.id;
  const nextDay = addDays(EVENT_DATE, 1);
  const reason = '参观人数较多，增加一个场次，首场座谈延长半小时';
  const comment = '新增场次请安排在下午，避开早高峰。';

  // Water-staff files the change: a new session the next morning, the first one ending later.
  await openConsoleAs(page, platform, 'water-staff', 'zh-CN', `/console/plans/${planId}`);
  await page.getByRole('button', { name: w('console.plans.actions.change') }).click();
  await expect(page.getByRole('heading', { level: 1, name: w('console.plans.change.title', { title }) })).toBeVisible();
  await page.getByLabel(w('console.plans.editor.agendaTo', { n: 2 })).fill('12:30');
  await page.getByRole('group', { name: w('console.plans.where.session', { n: 1 }) }).getByLabel(w('console.plans.fields.endsAt'), { exact: true }).fill('12:30');
  await page.getByRole('button', { name: w('console.plans.editor.addSession') }).click();
  await fillSession(page, 2, { date: nextDay, startsAt: '09:00', endsAt: '11:30', capacity: 10 });
  const second = page.getByRole('group', { name: w('console.plans.where.session', { n: 2 }) });
  await second.getByLabel(w('console.plans.editor.agendaActivity', { n: 1 })).fill('参观水厂中控室');
  await choose(page, second, w('console.plans.editor.agendaVenue', { n: 1 }), '第一水厂');
  await page.getByLabel(w('console.plans.change.reasonLabel')).fill(reason);
  await inspectConsole(page, 'open-day-change', 'zh-CN');
  await fileChange(page, title);
  const changes = page.locator('section').filter({ has: page.getByRole('heading', { name: w('console.changes.history.title') }) });
  await expect(changes.getByText(w('console.changes.statuses.submitted'), { exact: true })).toBeVisible();
  await expect(changes.getByText(w('console.changes.history.reason', { reason }))).toBeVisible();

  // The city office reads it in its queue and returns it with a comment.
  const office = await browser.newContext({ baseURL: platform.url, viewport: CONSOLE_SCREEN, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const officePage = await office.newPage();
  await openConsoleAs(officePage, platform, 'city-office', 'zh-CN', '/console/filing?tab=changes');
  const entry = officePage.getByRole('listitem').filter({ has: officePage.getByRole('heading', { name: title }) });
  await expect(entry).toContainText(w('console.changes.history.reason', { reason }));
  await expect(entry.getByText(/^新增场次：/)).toBeVisible();
  await expect(entry.getByText(/^场次调整：.*09:00–12:00 → .*09:00–12:30$/)).toBeVisible();
  await inspectConsole(officePage, 'filing-changes', 'zh-CN');
  await entry.getByRole('button', { name: w('console.changes.queue.return') }).click();
  const returning = officePage.getByRole('dialog');
  await returning.getByRole('button', { name: w('console.changes.queue.return') }).click();
  await expect(returning.getByText(w('console.changes.queue.problem.required'))).toBeVisible();
  await returning.getByLabel(w('console.changes.queue.commentsRequired')).fill(comment);
  await returning.getByRole('button', { name: w('console.changes.queue.return') }).click();
  await expect(officePage.getByText(w('console.changes.queue.decided.return', { title }))).toBeVisible();

  // Water-staff sees the comment, corrects the change (the new session in the afternoon) and files it again.
  await page.reload();
  await expect(changes.getByText(w('console.changes.statuses.returned'), { exact: true })).toBeVisible();
  await expect(changes.getByText(w('console.changes.history.comments', { comments: comment }))).toBeVisible();
  await inspectConsole(page, 'plan-changes', 'zh-CN');
  await changes.getByRole('button', { name: w('console.changes.history.correct') }).click();
  await expect(page.getByText(w('console.changes.form.correcting'))).toBeVisible();
  await expect(page.getByLabel(w('console.plans.change.reasonLabel'))).toHaveValue(reason);
  await fillSession(page, 2, { startsAt: '14:00', endsAt: '16:30' });
  await fileChange(page, title);

  // The city office approves it.
  await officePage.reload();
  await expect(entry.getByText(/^新增场次：.*14:00–16:30/)).toBeVisible();
  await entry.getByRole('button', { name: w('console.changes.queue.approve') }).click();
  const approving = officePage.getByRole('dialog');
  await approving.getByLabel(w('console.changes.queue.commentsOptional')).fill('同意变更');
  await approving.getByRole('button', { name: w('console.changes.queue.approve') }).click();
  await expect(officePage.getByText(w('console.changes.queue.decided.approve', { title }))).toBeVisible();
  await expect(officePage.getByRole('heading', { name: title })).toHaveCount(0);
  await office.close();

  // The plan page shows the change applied and both sessions; the public page shows the new session.
  await page.reload();
  await expect(changes.getByText(w('console.changes.statuses.applied'), { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(changes.getByText(w('console.changes.history.comments', { comments: '同意变更' }))).toBeVisible();
  const sessions = page.locator('section').filter({ has: page.getByRole('heading', { name: w('console.plans.sections.sessions') }) });
  await expect(sessions.getByText(/14:00–16:30，10 个名额/)).toBeVisible();
  await inspectConsole(page, 'plan-changes-applied', 'zh-CN');

  // The plan page and the change form in English.
  const e = words('en');
  await page.goto(`/console/plans/${planId}?lang=en`);
  await expect(page.getByText(e('console.changes.statuses.applied'), { exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`^New session: .*14:00–16:30, 10 places$`))).toBeVisible();
  await inspectConsole(page, 'plan-changes-applied', 'en');
  await page.getByRole('button', { name: e('console.plans.actions.change') }).click();
  await expect(page.getByRole('heading', { level: 1, name: e('console.plans.change.title', { title }) })).toBeVisible();
  await inspectConsole(page, 'open-day-change', 'en');

  // A notice alone needs no review: applied at once.
  await page.getByRole('button', { name: e('console.plans.editor.addNotice') }).click();
  await page.getByLabel(e('console.plans.where.notice', { n: 2 }), { exact: true }).fill('Wear flat shoes: the tour crosses wet floors.');
  await page.getByLabel(e('console.plans.change.reasonLabel')).fill('A note on what to wear');
  await expect(page.getByText(e('console.changes.form.atOnceHint'))).toBeVisible();
  await page.getByRole('button', { name: e('console.plans.change.send') }).click();
  await expect(page.getByRole('dialog')).toContainText(e('console.changes.form.confirmAtOnce'));
  await clickWhenStill(page.getByRole('dialog').getByRole('button', { name: e('console.plans.change.ok') }));
  await expect(page.getByText(e('console.changes.form.applied'))).toBeVisible();
  await expect(page.getByText(e('console.changes.diff.noticeAdded', { notice: 'Wear flat shoes: the tour crosses wet floors.' }))).toBeVisible();

  // (the public page reads registration's copy, which follows the change a moment later)
  await expect(async () => {
    await page.goto(`/open-days/${day.openDayId}`);
    await expect(page.getByRole('heading', { name: /14:00–16:30/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /09:00–12:30/ })).toBeVisible();
});

/**
 * An open day like the water bureau's (publishOpenDay's plan, copied) whose quotas leave room to
 * lower a session's capacity: no places reserved for any category.
 */
async function publishWithRoomToLower(platform: PortalPlatform, title: string): Promise<OpenDay & { planId: string }> {
  const template = await platform.publishOpenDay(`${title}（模板）`);
  const water = platform.staff('water-staff');
  const plans = await json<{ items: PlanView[] }>(await platform.call('GET', '/api/v1/plans?status=published&limit=100', undefined, water));
  const source = plans.items.find((plan) => plan.title === template.title)!;
  const publishAt = new Date().toISOString();
  const body = {
    title,
    theme: source.theme,
    forms: source.forms,
    sessions: source.sessions.map(({ date, startsAt, endsAt, capacity, agenda }) => ({ date, startsAt, endsAt, capacity, agenda })),
    venues: source.venues,
    assemblyPoint: source.assemblyPoint,
    transport: source.transport,
    quotas: [],
    minOrdinaryShare: source.minOrdinaryShare,
    mediaOutsideQuota: source.mediaOutsideQuota,
    eligibility: source.eligibility,
    registrationOpensAt: publishAt,
    registrationClosesAt: source.registrationClosesAt,
    selectionMode: source.selectionMode,
    coSigningDepartments: [],
    notices: source.notices,
    publishAt,
  };
  const plan = await json<{ id: string }>(await platform.call('POST', '/api/v1/plans', body, water), 201);
  await json(await platform.call('POST', `/api/v1/plans/${plan.id}/submit`, undefined, water));
  await json(await platform.call('POST', `/api/v1/plans/${plan.id}/approve`, {}, platform.staff('city-office')));
  const published = await waitFor(
    async () => {
      const view = await json<PlanView>(await platform.call('GET', `/api/v1/plans/${plan.id}`, undefined, water));
      return view.status === 'published' && view.openDayId ? view : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 200, what: `publication of ${title}` },
  );
  await waitFor(async () => (await platform.call('GET', `/api/v1/open-days/${published.openDayId}`)).status === 200, { timeoutMs: 30_000, intervalMs: 200, what: 'registration’s copy' });
  return { planId: plan.id, openDayId: published.openDayId!, sessionId: published.sessions[0].id, title };
}

/**
 * Lowering a session's capacity below its places taken: the change form lists that session's
 * ticket holders (masked) and says live how many are still to name; once one is named the change
 * is filed, and when the city office approves it that person's ticket is revoked.
 */
test('a capacity lowered below the places taken names who leaves', async ({ page, platform }) => {
  const day = await publishWithRoomToLower(platform, `开放日变更测试：减少名额 ${Date.now() % 100_000}`);
  const holders: Person[] = [
    { name: '钱留下', idNumber: residentId('1982-03-04'), mobile: newMobile() },
    { name: '李退出', idNumber: residentId('1990-07-08'), mobile: newMobile() },
  ];
  const tokens = await Promise.all(holders.map((person) => platform.citizenToken(person.mobile)));
  const applications = await Promise.all(holders.map((person, i) => platform.applyByApi(day.openDayId, tokens[i], person)));
  await platform.selectByGroup(
    day.openDayId,
    applications.map((application) => application.id),
  );
  const [, leaving] = await Promise.all(tokens.map((token) => platform.ticketOf(token, day.openDayId)));
  const rosterOf = async () =>
    json<RosterPage>(await platform.call('GET', `/api/v1/open-days/${day.openDayId}/sessions/${day.sessionId}/roster?limit=50`, undefined, platform.staff('water-staff')));
  const leavingName = (await rosterOf()).items.find((entry) => entry.ticketId === leaving.ticketId)!.maskedName;

  await openConsoleAs(page, platform, 'water-staff', 'zh-CN', `/console/plans/${day.planId}/change`);
  await page.getByRole('group', { name: w('console.plans.where.session', { n: 1 }) }).getByLabel(w('console.plans.fields.capacity'), { exact: true }).fill('1');
  const release = page.getByRole('region', { name: w('console.changes.release.title') });
  await expect(release).toContainText(w('console.changes.release.figures', { taken: 2, capacity: 1, count: 1 }));
  await expect(release.getByRole('status')).toHaveText(w('console.changes.release.stillToName', { count: 1 }));
  await page.getByLabel(w('console.plans.change.reasonLabel')).fill('场地维修，名额减少');
  // Sent without naming anyone: refused beside the capacity.
  await page.getByRole('button', { name: w('console.changes.form.file') }).click();
  await expect(page.getByText(w('console.changes.rules.capacityBelowPlacesTaken')).first()).toBeVisible();
  await release.getByRole('checkbox', { name: leavingName }).check();
  await expect(release.getByRole('status')).toHaveText(w('console.changes.release.allNamed'));
  await inspectConsole(page, 'open-day-change-release', 'zh-CN');
  await fileChange(page, day.title);
  await expect(page.getByText(w('console.changes.history.released', { count: 1 }))).toBeVisible();

  const waiting = await json<{ items: Array<{ id: string; planId: string }> }>(
    await platform.call('GET', '/api/v1/open-day-changes?status=submitted&limit=100', undefined, platform.staff('city-office')),
  );
  const change = waiting.items.find((item) => item.planId === day.planId)!;
  await json(await platform.call('POST', `/api/v1/open-day-changes/${change.id}/approve`, {}, platform.staff('city-office')));
  await expect(async () => {
    const entry = (await rosterOf()).items.find((item) => item.ticketId === leaving.ticketId);
    expect(entry?.status).toBe('revoked');
  }).toPass({ timeout: 30_000 });
});
