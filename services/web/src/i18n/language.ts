export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** The supported language a tag like `en-GB`, `zh`, `zh-Hans-CN` or `EN` stands for, if any. */
export function supportedLanguage(tag: string | null | undefined): Language | undefined {
  const lower = tag?.trim().toLowerCase();
  if (!lower) return undefined;
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

export interface LanguageHints {
  /** `?lang=` of the address: a link can choose the language. */
  query: string | null;
  /** What the citizen chose before on this device. */
  stored: string | null;
  /** navigator.languages, most preferred first. */
  browser: readonly string[];
}

/** The first hint that names a supported language, in the order of LanguageHints; Chinese otherwise. */
export function pickLanguage(hints: LanguageHints): Language {
  const candidates = [hints.query, hints.stored, ...hints.browser];
  for (const candidate of candidates) {
    const language = supportedLanguage(candidate);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
