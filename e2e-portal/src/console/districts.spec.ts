import { clickWhenStill } from '../checks';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { words } from '../words';
import { CONSOLE_SCREEN, inspectConsole, openConsoleAs } from './console';

test.use({ viewport: CONSOLE_SCREEN });

const w = words('zh-CN');

/** The add or rename dialog: fills the fields given, saves. */
async function fillAndSave(page: Page, title: string, fields: { code?: string; nameZh?: string; nameEn?: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  if (fields.code !== undefined) await dialog.getByLabel(w('console.districts.columns.code')).fill(fields.code);
  if (fields.nameZh !== undefined) await dialog.getByLabel(w('console.districts.columns.nameZh')).fill(fields.nameZh);
  if (fields.nameEn !== undefined) await dialog.getByLabel(w('console.districts.columns.nameEn')).fill(fields.nameEn);
  await clickWhenStill(dialog.getByRole('button', { name: w('console.districts.save') }));
}

/**
 * The city office keeps the district list: a code already on it is refused beside the field, a
 * new district is added, renamed and deactivated (it stays listed, marked); the page in English too.
 */
test('city office: adds a district, renames it and deactivates it', async ({ page, platform }) => {
  const code = `e2e-${Date.now().toString(36)}`;
  const name = `测试区${code.slice(-4)}`;
  const renamed = `${name}新`;
  await openConsoleAs(page, platform, 'city-office', 'zh-CN', '/console/districts');
  await expect(page.getByRole('heading', { level: 1, name: w('console.districts.title') })).toBeVisible();
  await expect(page.getByRole('row', { name: /gulou/ })).toContainText('鼓楼区');

  await page.getByRole('button', { name: w('console.districts.add') }).click();
  await fillAndSave(page, w('console.districts.add'), { code: 'gulou', nameZh: name, nameEn: `Test ${code}` });
  const codeField = page.getByRole('dialog').getByLabel(w('console.districts.columns.code'));
  await expect(page.getByRole('dialog')).toContainText(w('console.districts.problems.duplicate'));
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await inspectConsole(page, 'districts-refused', 'zh-CN');
  await fillAndSave(page, w('console.districts.add'), { code });
  await expect(page.getByRole('status').filter({ hasText: w('console.districts.added', { name }) })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText(name);
  await expect(row).toContainText(w('console.districts.active'));

  await row.getByRole('button', { name: w('console.districts.renameOf', { name }) }).click();
  await fillAndSave(page, w('console.districts.renameTitle', { code }), { nameZh: renamed });
  await expect(page.getByRole('status').filter({ hasText: w('console.districts.saved', { name: renamed }) })).toBeVisible();
  await expect(row).toContainText(renamed);

  await row.getByRole('button', { name: w('console.districts.deactivateOf', { name: renamed }) }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: w('console.districts.yes') }).click();
  await expect(page.getByRole('status').filter({ hasText: w('console.districts.deactivated', { name: renamed }) })).toBeVisible();
  await expect(row).toContainText(w('console.districts.inactive'));
  await expect(row.getByRole('button', { name: w('console.districts.activateOf', { name: renamed }) })).toBeVisible();
  await inspectConsole(page, 'districts', 'zh-CN');

  const en = words('en');
  await page.goto('/console/districts?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: en('console.districts.title') })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText(en('console.districts.inactive'));
  await inspectConsole(page, 'districts', 'en');
});
