import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { LANGUAGES, supportedLanguage } from '../i18n/language';

/** 中文 / English; a native select, so it is labelled and works with any assistive technology. `className` styles it for its header. */
export function LanguageSwitch({ className = 'language-switch' }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <label className={className}>
      <span className="visually-hidden">{t('common.language.label')}</span>
      <select
        value={currentLanguage()}
        onChange={(event) => setLanguage(supportedLanguage(event.target.value) ?? 'zh-CN')}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`common.language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
