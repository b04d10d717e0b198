import { useTranslation } from 'react-i18next';
import { controlId } from '../ui/Field';

/** What is collected, why, how long it is kept and how it is masked; ticked once for everyone on the form. */
export function PrivacyNotice({ checked, error, onChange }: { checked: boolean; error?: string; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  const id = controlId('privacyConsent');
  return (
    <section className={error ? 'acc-privacy acc-field-invalid' : 'acc-privacy'} aria-labelledby="privacy-title">
      <h2 className="acc-section-title" id="privacy-title">
        {t('account.apply.privacy.title')}
      </h2>
      <ul id="privacy-text">
        <li>{t('account.apply.privacy.what')}</li>
        <li>{t('account.apply.privacy.why')}</li>
        <li>{t('account.apply.privacy.howLong')}</li>
        <li>{t('account.apply.privacy.masked')}</li>
      </ul>
      <label className="acc-consent" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `privacy-text ${id}-error` : 'privacy-text'}
        />
        <span>{t('account.apply.privacy.consent')}</span>
      </label>
      {error && (
        <p className="acc-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </section>
  );
}
