import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { LANGUAGES, pickLanguage, supportedLanguage, type Language } from './language';

const STORAGE_KEY = 'openday.language';

// The signed-in pages keep their words in their own files (account.<lang>.json, owned by the
// account pages) so two people never edit one file; they are read under the `account` key.
const accountFiles = import.meta.glob<Record<string, unknown>>('./locales/account.*.json', { eager: true, import: 'default' });

function accountWords(language: Language): Record<string, unknown> {
  return accountFiles[`./locales/account.${language}.json`] ?? {};
}

// The staff console's words, likewise in their own files, read under the `console` key; each
// console area keeps its words in console-<area>.<lang>.json, read under `console.<area>`.
const consoleFiles = import.meta.glob<Record<string, unknown>>('./locales/console.*.json', { eager: true, import: 'default' });
const consoleAreaFiles = import.meta.glob<Record<string, unknown>>('./locales/console-*.json', { eager: true, import: 'default' });

function consoleWords(language: Language): Record<string, unknown> {
  const areas = Object.entries(consoleAreaFiles).flatMap(([file, words]) => {
    const match = /console-([a-zA-Z]+)\.([a-zA-Z-]+)\.json$/.exec(file);
    return match && match[2] === language ? [[match[1], words] as const] : [];
  });
  return { ...(consoleFiles[`./locales/console.${language}.json`] ?? {}), ...Object.fromEntries(areas) };
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, account: accountWords('zh-CN'), console: consoleWords('zh-CN') } },
    en: { translation: { ...en, account: accountWords('en'), console: consoleWords('en') } },
  },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return supportedLanguage(i18n.language) ?? 'zh-CN';
}

/** Switches language and remembers it on this device. */
export function setLanguage(language: Language): void {
  remember(language);
  void i18n.changeLanguage(language);
}

function initialLanguage(): Language {
  const query = new URLSearchParams(window.location.search).get('lang');
  const language = pickLanguage({ query, stored: stored(), browser: navigator.languages ?? [navigator.language] });
  if (supportedLanguage(query)) remember(language);
  return language;
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // private mode or storage disabled: fall through to the browser's languages
  }
}

function remember(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this device; the page still switches.
  }
}
