import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { ApplicantCategory } from '../api/views';
import { Field } from '../ui/Field';
import { changedPaths, type ApplicationDraft, type PersonDraft } from './application-draft';
import { PersonFields } from './PersonFields';

interface MembersFieldsProps {
  draft: ApplicationDraft;
  categories: readonly ApplicantCategory[];
  districts: ReadonlyArray<{ value: string; label: string }>;
  errorOf: (path: string) => string | undefined;
  /** The paths given, and everything under them, lose their server problems. */
  onChange: (draft: ApplicationDraft, changedPaths: string[]) => void;
  onBlur: (path: string) => void;
  newMember: () => PersonDraft;
}

/** A group application: the unit, its credit code, and the members, added and removed one by one. */
export function MembersFields({ draft, categories, districts, errorOf, onChange, onBlur, newMember }: MembersFieldsProps) {
  const { t } = useTranslation();
  const setMember = (index: number, member: PersonDraft) =>
    onChange({ ...draft, members: draft.members.map((m, i) => (i === index ? member : m)) }, changedPaths(`members[${index}]`, draft.members[index], member));
  // Removing shifts the later members up a place: every member's server problems are stale then.
  const removeMember = (index: number) => onChange({ ...draft, members: draft.members.filter((_, i) => i !== index) }, ['members']);
  const membersError = errorOf('members');
  return (
    <>
      <fieldset className="acc-fieldset">
        <legend className="acc-legend">{t('account.apply.unit')}</legend>
        <Field path="unit.name" label={t('account.apply.unitName')} error={errorOf('unit.name')} required>
          {(control) => (
            <input {...control} className="acc-input" maxLength={100} value={draft.unitName} onChange={(e) => onChange({ ...draft, unitName: e.target.value }, ['unit.name'])} onBlur={() => onBlur('unit.name')} />
          )}
        </Field>
        <Field path="unit.creditCode" label={t('account.apply.creditCode')} hint={t('account.apply.creditCodeHint')} error={errorOf('unit.creditCode')} required>
          {(control) => (
            <input
              {...control}
              className="acc-input"
              maxLength={18}
              autoComplete="off"
              spellCheck={false}
              value={draft.unitCreditCode}
              onChange={(e) => onChange({ ...draft, unitCreditCode: e.target.value }, ['unit.creditCode'])}
              onBlur={() => onBlur('unit.creditCode')}
            />
          )}
        </Field>
      </fieldset>
      <section className="acc-members" aria-labelledby="members-title">
        <h2 className="acc-section-title" id="members-title">
          {t('account.apply.members')}
        </h2>
        {membersError && (
          <p className="acc-error" id="f-members" tabIndex={-1}>
            {membersError}
          </p>
        )}
        {draft.members.map((member, index) => {
          const memberError = errorOf(`members[${index}]`);
          return (
            <fieldset className="acc-fieldset acc-member" key={index}>
              <legend className="acc-legend">{t('account.apply.member', { n: index + 1 })}</legend>
              {memberError && <p className="acc-error">{memberError}</p>}
              <PersonFields
                path={`members[${index}]`}
                person={member}
                categories={categories}
                districts={districts}
                errorOf={errorOf}
                onChange={(next) => setMember(index, next)}
                onBlur={onBlur}
              />
              {draft.members.length > 1 && (
                <Button fill="outline" color="danger" size="small" onClick={() => removeMember(index)}>
                  {t('account.apply.removeMember', { n: index + 1 })}
                </Button>
              )}
            </fieldset>
          );
        })}
        <Button fill="outline" color="primary" block onClick={() => onChange({ ...draft, members: [...draft.members, newMember()] }, [])}>
          {t('account.apply.addMember')}
        </Button>
      </section>
    </>
  );
}
