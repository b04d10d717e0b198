import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const words = (language: string) => JSON.parse(readFileSync(join(__dirname, '../i18n/locales', `${language}.json`), 'utf8')) as Record<string, Record<string, unknown>>;

function keysOf(tree: unknown, prefix = ''): string[] {
  return typeof tree === 'object' && tree !== null ? Object.entries(tree).flatMap(([key, value]) => keysOf(value, `${prefix}${key}.`)) : [prefix.slice(0, -1)];
}

describe('the lottery check and notice words', () => {
  const zh = words('zh-CN');
  const en = words('en');

  it.each(['lottery', 'notice'])('%s says the same things in Chinese and English', (area) => {
    expect(keysOf(en[area]).sort()).toEqual(keysOf(zh[area]).sort());
  });

  it.each([
    ...['commitment', 'secret', 'entryListHash', 'seed'].flatMap((field) => [`fields.${field}`, `hints.${field}`]),
    ...['commitment', 'entryListHash', 'seed'].map((field) => `computed.${field}`),
    ...['matches', 'differs', 'not-given'].map((outcome) => `outcome.${outcome}`),
    ...['commit', 'entryList', 'seed', 'order', 'places'].map((step) => `recipe.${step}`),
    'usedRecipe1',
    'usedRecipe2',
  ])('has the built key lottery.%s in both languages', (key) => {
    expect([keysOf(zh.lottery).includes(key), keysOf(en.lottery).includes(key)]).toEqual([true, true]);
  });
});
