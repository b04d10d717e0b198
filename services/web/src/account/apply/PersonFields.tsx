import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantCategory } from '../api/views';
import { Field } from '../ui/Field';
import type { PersonDraft } from './application-draft';

interface PersonFieldsProps {
  /** Where the person sits in the request body: `applicant` or `members[2]`. */
  path: string;
  person: PersonDraft;
  categories: readonly ApplicantCategory[];
  /** The districts the open day is for, code and name; empty: any, typed in. */
  districts: ReadonlyArray<{ value: string; label: string }>;
  errorOf: (path: string) => string | undefined;
  onChange: (person: PersonDraft) => void;
  onBlur: (path: string) => void;
}

/** Name, resident ID, mobile, category, district and e-mail of one person. */
export function PersonFields({ path, person, categories, districts, errorOf, onChange, onBlur }: PersonFieldsProps) {
  const { t } = useTranslation();
  const set = (key: keyof PersonDraft) => (event: { target: { value: string } }) => onChange({ ...person, [key]: event.target.value });
  const text = (key: 'name' | 'idNumber' | 'mobile' | 'email', extra: InputHTMLAttributes<HTMLInputElement>, hint?: string, required = true) => (
    <Field path={`${path}.${key}`} label={t(`account.apply.${key}`) + (required ? '' : t('account.common.optional'))} hint={hint} error={errorOf(`${path}.${key}`)} required={required}>
      {(control) => <input {...control} className="acc-input" value={person[key]} onChange={set(key)} onBlur={() => onBlur(`${path}.${key}`)} {...extra} />}
    </Field>
  );
  return (
    <>
      {text('name', { autoComplete: 'name', maxLength: 50 })}
      {text('idNumber', { autoComplete: 'off', inputMode: 'text', maxLength: 18, spellCheck: false }, t('account.apply.idNumberHint'))}
      {text('mobile', { type: 'tel', autoComplete: 'tel', inputMode: 'tel' }, t('account.apply.mobileHint'))}
      <Field path={`${path}.category`} label={t('account.apply.category')} error={errorOf(`${path}.category`)} required>
        {(control) => (
          <select {...control} className="acc-input" value={person.category} onChange={set('category')} onBlur={() => onBlur(`${path}.category`)}>
            <option value="">{t('account.apply.chooseCategory')}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {t(`common.categories.${category}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field path={`${path}.district`} label={t('account.apply.district')} error={errorOf(`${path}.district`)} required>
        {(control) =>
          districts.length > 0 ? (
            <select {...control} className="acc-input" value={person.district} onChange={set('district')} onBlur={() => onBlur(`${path}.district`)}>
              <option value="">{t('account.apply.chooseDistrict')}</option>
              {districts.map((district) => (
                <option key={district.value} value={district.value}>
                  {district.label}
                </option>
              ))}
            </select>
          ) : (
            <input {...control} className="acc-input" value={person.district} onChange={set('district')} onBlur={() => onBlur(`${path}.district`)} maxLength={64} />
          )
        }
      </Field>
      {text('email', { type: 'email', autoComplete: 'email', inputMode: 'email' }, t('account.apply.emailHint'), false)}
    </>
  );
}
