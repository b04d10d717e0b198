// For the word-file specs (runs under jest, on node): both languages say the same things.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(__dirname, 'locales');

/** Every leaf key of `<namespace>.<language>.json`, dotted, with i18next's plural suffixes folded (Chinese has one form, English two). */
export function wordKeys(namespace: string, language: string): string[] {
  const tree = JSON.parse(readFileSync(join(LOCALES, `${namespace}.${language}.json`), 'utf8')) as Record<string, unknown>;
  return [...new Set(keysOf(tree))].sort();
}

function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** The `<keyPrefix>.…` keys the pages under `dir` name literally (keys built from values need their own tables). */
function literalKeysUsed(keyPrefix: string, dir: string): string[] {
  const pattern = new RegExp(`'${keyPrefix.replace(/\./g, '\\.')}\\.([a-zA-Z0-9.-]+)'`, 'g');
  const used = sourceFiles(dir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1]));
  return [...new Set(used)].sort();
}

/** The areas with word files of their own (`<namespace>-<area>.<lang>.json`): their keys are checked with those files. */
function areasOf(namespace: string): string[] {
  return readdirSync(LOCALES).flatMap((name) => {
    const match = new RegExp(`^${namespace}-([a-zA-Z]+)\\.zh-CN\\.json$`).exec(name);
    return match ? [match[1]] : [];
  });
}

/**
 * Both languages have the same keys, and every key the pages name exists in both. A console
 * area's file console-<area>.<lang>.json is read under `console.<area>` (src/i18n/index.ts):
 * pass that as `keyPrefix`.
 */
export function describeWords(namespace: string, pagesDir: string, keyPrefix = namespace): void {
  describe(`the ${namespace} words`, () => {
    const zh = wordKeys(namespace, 'zh-CN');
    const en = wordKeys(namespace, 'en');

    it('say the same things in Chinese and English', () => {
      expect(en).toEqual(zh);
    });

    it.each(literalKeysUsed(keyPrefix, pagesDir).filter((key) => !areasOf(namespace).includes(key.split('.')[0])))('has %s in both languages', (key) => {
      expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
    });
  });
}
