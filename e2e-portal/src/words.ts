import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
// The portal's own words, from the project these tests test (tools/lint/project-boundaries.mjs: `tests:@openday/web`).
import accountEn from '@openday/web/src/i18n/locales/account.en.json';
import accountZh from '@openday/web/src/i18n/locales/account.zh-CN.json';
import en from '@openday/web/src/i18n/locales/en.json';
import zhCN from '@openday/web/src/i18n/locales/zh-CN.json';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];

const LOCALES = path.join(path.dirname(require.resolve('@openday/web/package.json')), 'src/i18n/locales');

/** The console's words as services/web/src/i18n/index.ts reads them: console.<lang>.json, and each console-<area>.<lang>.json under its area. */
function consoleWords(language: Language): Record<string, unknown> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(LOCALES, file), 'utf8')) as Record<string, unknown>;
  const areas = readdirSync(LOCALES).flatMap((file) => {
    const match = /^console-([a-zA-Z]+)\.([a-zA-Z-]+)\.json$/.exec(file);
    return match && match[2] === language ? [[match[1], read(file)] as const] : [];
  });
  return { ...read(`console.${language}.json`), ...Object.fromEntries(areas) };
}

/** The portal's own words, as i18next reads them (account.*.json under the `account` key, the console's under `console`). */
const RESOURCES: Record<Language, Record<string, unknown>> = {
  'zh-CN': { ...zhCN, account: accountZh, console: consoleWords('zh-CN') },
  en: { ...en, account: accountEn, console: consoleWords('en') },
};

/**
 * The translated text of a key in a language, so tests find elements by the accessible name
 * the page gives them in either language, and survive a change of wording. Interpolates
 * {{name}} and picks `_one`/`_other` by `count`, as i18next does.
 */
export function words(language: Language) {
  return (key: string, values: Record<string, string | number> = {}): string => {
    const lookup = (k: string) => k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], RESOURCES[language]);
    let text = lookup(key);
    // Chinese has one plural form, so its files carry only `_other`, which i18next then uses for every count.
    if (text === undefined && values.count !== undefined) text = lookup(`${key}_${values.count === 1 ? 'one' : 'other'}`) ?? lookup(`${key}_other`);
    if (typeof text !== 'string') throw new Error(`no ${language} text for "${key}" in services/web/src/i18n/locales`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in values ? String(values[name]) : `{{${name}}}`));
  };
}

export type Words = ReturnType<typeof words>;

/** A pattern for a text with {{placeholders}} (any value), e.g. to find "剩余 {{count}} 个". */
export function pattern(text: string): RegExp {
  return new RegExp(text.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?'));
}
