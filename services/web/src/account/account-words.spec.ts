import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(__dirname, '..', 'i18n', 'locales');
const words = (language: string) => JSON.parse(readFileSync(join(LOCALES, `account.${language}.json`), 'utf8')) as Record<string, unknown>;

/** Every leaf key, dotted: `apply.rules.idFormat`. */
function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** The `account.…` keys the pages name literally (keys built from values are checked by their own tables). */
function literalKeysUsed(): string[] {
  const used = sourceFiles(__dirname).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'account\.([a-zA-Z.-]+)'/g)].map((m) => m[1]));
  return [...new Set(used)].sort();
}

describe('the account words', () => {
  const zh = keysOf(words('zh-CN')).sort();
  const en = keysOf(words('en')).sort();

  it('say the same things in Chinese and English', () => {
    expect(en).toEqual(zh);
  });

  it.each(literalKeysUsed())('has %s in both languages', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
