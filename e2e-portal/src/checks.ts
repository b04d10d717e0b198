import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ROOT } from './platform';
import type { Language } from './words';

export const SCREENSHOT_DIR = path.join(ROOT, '.data', 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** axe on the page as it is now: no serious or critical violation (WCAG 2.1 A/AA rules and best practices). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await transitionsSettled(page);
  // Legacy mode: axe.run in the page itself. The default runs axe per frame and then finishes in a
  // new blank page into which axe is injected again, which took twice as long on the same rules and
  // results; the legacy mode differs only for cross-origin frames, and the portal has none.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // The lesser ones are listed in the report, not failed on.
  const lesser = results.violations.filter((v) => !bad.includes(v)).map((v) => `${v.impact} ${v.id} (${v.nodes.length})`);
  if (lesser.length) test.info().annotations.push({ type: 'axe', description: `${name}: ${lesser.join(', ')}` });
  const described = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect.soft(described, `axe on the ${name} page`).toEqual([]);
}

/**
 * Waits until nothing moves: no CSS transition or animation runs, and no script-driven one
 * either (antd-mobile's dialogs fade in with react-spring, which writes inline styles on every
 * frame, unseen by getAnimations): the inline styles are the same two polls apart. axe measures
 * colour contrast from the colours drawn now, and a button still fading in measures as too pale.
 */
async function transitionsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const styles = [...document.querySelectorAll('[style]')].map((el) => el.getAttribute('style')).join('\n');
        const seen = window as unknown as { lastInlineStyles?: string };
        const still = seen.lastInlineStyles === styles;
        seen.lastInlineStyles = styles;
        return still && document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity);
      },
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    // A page that keeps moving (an endless spinner) is measured as it is: axe says if that fails.
    .catch(() => undefined);
}

/**
 * Clicks once nothing on the page moves. A dialog zooming in is "stable" to Playwright for two
 * frames at its first tiny size, and a click landing then on the scaled button did nothing.
 */
export async function clickWhenStill(target: Locator): Promise<void> {
  await target.waitFor();
  await transitionsSettled(target.page());
  await target.click();
}

export function screenshotPath(name: string, size: { width: number; height: number }, language: Language): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}-${language}.png`);
}

/**
 * Saves .data/screenshots/<name>-<w>x<h>-<lang>.png at the phone and the desktop size, what the
 * screen shows from the top (a full-page capture draws the fixed tab bar mid-page); leaves the
 * page at the phone size.
 */
export async function screenshots(page: Page, name: string, language: Language): Promise<void> {
  const before = page.viewportSize() ?? PHONE;
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    // From the top: a sticky header would otherwise be drawn where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150); // layout settles (antd-mobile measures on resize)
    await page.screenshot({ path: screenshotPath(name, size, language), animations: 'disabled' });
  }
  await page.setViewportSize(before);
}

/** At 200% text size (the root font size doubled: the portal sizes text in rem) nothing is wider than the screen. */
export async function expectReflowsAt200Percent(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.waitForTimeout(150);
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && getComputedStyle(el).position !== 'fixed';
      })
      .slice(0, 5)
      .map((el) => {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        return `${name} "${(el.textContent ?? '').trim().slice(0, 40)}" (right ${Math.round(el.getBoundingClientRect().right)})`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
  });
  if (overflow.scrollWidth > overflow.innerWidth) {
    await page.screenshot({ path: screenshotPath(`${name}-200pct`, page.viewportSize() ?? PHONE, (await page.evaluate(() => document.documentElement.lang)) as Language) });
  }
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  expect.soft(overflow.scrollWidth, `the ${name} page at 200% text is no wider than the screen (${overflow.innerWidth}px); widest: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.innerWidth);
}

/** Every check a page gets: axe, the screenshots, and (where asked) 200% text. */
export async function inspect(page: Page, name: string, language: Language, { textSize = false } = {}): Promise<void> {
  await expectAccessible(page, name);
  if (textSize) await expectReflowsAt200Percent(page, name);
  await screenshots(page, name, language);
}
