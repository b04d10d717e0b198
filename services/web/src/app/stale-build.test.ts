import { isChunkLoadError, shouldReloadForStaleBuild } from './stale-build';

const chromium = new TypeError('Failed to fetch dynamically imported module: https://x/assets/InboxPage-D2LCPAun.js');

describe('isChunkLoadError', () => {
  it.each([
    [chromium, true],
    [new TypeError('error loading dynamically imported module: https://x/a.js'), true],
    [new TypeError('Importing a module script failed.'), true],
    [new Error('Unable to preload CSS for /assets/a.css'), true],
    [new TypeError("Cannot read properties of undefined (reading 'map')"), false],
    ['Failed to fetch dynamically imported module', true],
    [{ status: 404 }, false],
    [null, false],
  ])('%p → %s', (error, expected) => {
    expect(isChunkLoadError(error)).toBe(expected);
  });
});

describe('shouldReloadForStaleBuild', () => {
  it.each([
    ['never reloaded', chromium, null, true],
    ['reloaded two minutes ago', chromium, 1_000_000 - 120_000, true],
    ['reloaded just now: a real failure', chromium, 1_000_000 - 5_000, false],
    ['not a missing chunk', new Error('boom'), null, false],
  ])('%s', (_case, error, last, expected) => {
    expect(shouldReloadForStaleBuild(error, last, 1_000_000)).toBe(expected);
  });
});
