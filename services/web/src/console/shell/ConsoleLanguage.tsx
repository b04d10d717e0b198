import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../../i18n';
import { LANGUAGES, supportedLanguage } from '../../i18n/language';

/** 中文 / English: a native select, labelled, works with any assistive technology. */
export function ConsoleLanguage() {
  const { t } = useTranslation();
  return (
    <label className="console-language">
      <span className="visually-hidden">{t('console.common.language')}</span>
      <select value={currentLanguage()} onChange={(event) => setLanguage(supportedLanguage(event.target.value) ?? 'zh-CN')}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`common.language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
