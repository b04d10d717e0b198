import { test, expect } from '@playwright/test';

// The decision scripts/test.mjs takes before the browser tests (no browser, no platform here).
const load = () => import('@openday/scripts/lib/browser-prerequisites.mjs');
const FONTS = 'Noto Sans CJK SC,Noto Sans CJK SC Regular\n';
const present = { chromiumExists: true, zhFontFamilies: FONTS, notoDirExists: true };

test.describe('browser prerequisites (scripts/lib/browser-prerequisites.mjs)', () => {
  test('nothing to do when Chromium and the Noto CJK fonts are there, root or not', async () => {
    const { browserPrerequisites } = await load();
    expect(browserPrerequisites({ ...present, isRoot: true })).toEqual({ action: 'ok', missing: [] });
    expect(browserPrerequisites({ ...present, isRoot: false })).toEqual({ action: 'ok', missing: [] });
  });

  test('as root, installs both Debian packages with apt-get, never a Playwright download', async () => {
    const { browserPrerequisites } = await load();
    for (const facts of [
      { ...present, chromiumExists: false },
      { ...present, zhFontFamilies: '' },
      { ...present, notoDirExists: false },
      { chromiumExists: false, zhFontFamilies: '', notoDirExists: false },
    ]) {
      const decision = browserPrerequisites({ ...facts, isRoot: true });
      expect(decision.action).toBe('install');
      expect(decision.action === 'install' && decision.command).toBe('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk');
    }
  });

  test('not root, stops and says exactly what is missing and what to install', async () => {
    const { browserPrerequisites } = await load();
    const noBrowser = browserPrerequisites({ ...present, chromiumExists: false, chromiumPath: '/opt/chromium', isRoot: false });
    expect(noBrowser.action).toBe('stop');
    const message = noBrowser.action === 'stop' ? noBrowser.message : '';
    expect(message).toContain('chromium (no browser at /opt/chromium)');
    expect(message).not.toContain('fonts-noto-cjk (');
    expect(message).toContain('apt-get install -y chromium fonts-noto-cjk');
    expect(message).toContain('never `npx playwright install`');

    const noFonts = browserPrerequisites({ ...present, zhFontFamilies: '  \n', isRoot: false });
    expect(noFonts).toMatchObject({ action: 'stop', missing: ['fonts-noto-cjk (fc-list :lang=zh lists no font)'] });
    const noDir = browserPrerequisites({ ...present, notoDirExists: false, isRoot: false });
    expect(noDir).toMatchObject({ action: 'stop', missing: ['fonts-noto-cjk (no /usr/share/fonts/opentype/noto)'] });
  });

  test('this machine has them (npm test installed them first)', async () => {
    const { browserPrerequisites, probeBrowserPrerequisites } = await load();
    expect(browserPrerequisites(probeBrowserPrerequisites())).toMatchObject({ action: 'ok' });
  });
});
