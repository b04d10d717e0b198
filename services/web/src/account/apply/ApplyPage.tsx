import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Button } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, problemMessage, type Problem } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { districtOptions } from '../../open-days/list/district-options';
import { useAgencies } from '../../open-days/queries';
import { accountApi } from '../api/account-api';
import type { PublicOpenDay } from '../api/public-open-day';
import { keys, useOpenDay } from '../api/queries';
import { APPLICANT_CATEGORIES, type ApplicantCategory, type ApplicationChannel } from '../api/views';
import { shanghaiDate, shanghaiDateTime } from '../format';
import { AccountPage } from '../ui/AccountPage';
import { controlId, Field } from '../ui/Field';
import { changedPaths, emptyDraft, emptyPerson, peopleOnForm, submissionKeyFor, toApplicationBody, type ApplicationDraft, type SubmissionKey } from './application-draft';
import { checkDraft, type DraftRules, type RuleBroken } from './check-draft';
import { MembersFields } from './MembersFields';
import { PersonFields } from './PersonFields';
import { placeFieldProblems, type FieldProblem, type PlacedProblems } from './place-field-problems';
import { PrivacyNotice } from './PrivacyNotice';

const CHANNELS: readonly ApplicationChannel[] = ['self', 'organisation', 'group'];

export default function ApplyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const openDay = useOpenDay(id);
  return (
    <AccountPage title={openDay.data ? t('account.apply.title', { title: openDay.data.title }) : t('account.apply.pageTitle')} back hideTabs loading={[openDay]}>
      {openDay.data && <ApplyForm openDay={openDay.data} />}
    </AccountPage>
  );
}

/** The categories the open day takes (its quotas, and media outside them), or any when it names none. */
function categoriesOf(openDay: PublicOpenDay): readonly ApplicantCategory[] {
  const named = openDay.quotas.map((q) => q.category as ApplicantCategory);
  if (named.length === 0) return APPLICANT_CATEGORIES;
  return openDay.mediaOutsideQuota && !named.includes('media') ? [...named, 'media'] : named;
}

function rulesFor(openDay: PublicOpenDay, sessionId: string): DraftRules {
  const session = openDay.sessions.find((s) => s.sessionId === sessionId) ?? openDay.sessions[0];
  return {
    eventDate: session?.date ?? openDay.date,
    today: shanghaiDate(new Date()),
    minAge: openDay.eligibility?.minAge ?? 0,
    maxAge: openDay.eligibility?.maxAge ?? null,
  };
}

function ApplyForm({ openDay }: { openDay: PublicOpenDay }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = openDay.eligibility?.districts ?? [];
  const agencies = useAgencies();
  const names = new Map(districtOptions(agencies.data ?? []).map((option) => [option.value, option.label]));
  const districtChoices = districts.map((value) => ({ value, label: names.get(value) ?? value }));
  const [draft, setDraft] = useState<ApplicationDraft>(() => emptyDraft(openDay.sessions.length === 1 ? openDay.sessions[0].sessionId : '', districts.length === 1 ? districts[0] : ''));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ placed: PlacedProblems; problem: Problem } | null>(null);
  const submission = useRef<SubmissionKey | null>(null);

  const live = useMemo(() => checkDraft(draft, rulesFor(openDay, draft.sessionId)), [draft, openDay]);
  const sessionMissing = openDay.sessions.length > 1 && !draft.sessionId;

  const apply = useMutation({
    mutationFn: () => {
      const body = toApplicationBody(draft, currentLanguage());
      if (!body) throw new Error('submit() sends only a consented draft');
      submission.current = submissionKeyFor(submission.current, body, () => crypto.randomUUID());
      return accountApi.apply(openDay.id, body, submission.current.key);
    },
    onSuccess: async (application) => {
      await queryClient.invalidateQueries({ queryKey: keys.mine });
      navigate(`/open-days/${openDay.id}/apply/received/${application.id}`, { state: { application }, replace: true });
    },
    onError: (error) => {
      const problem = error instanceof ApiError ? error.problem : { type: 'about:blank', title: 'Error', status: 500 };
      const placed = placeFieldProblems(problem.errors ?? [], controlsOf(draft));
      setServer({ placed, problem });
      focusFirstProblem(Object.keys(placed));
    },
  });

  const words = (broken: RuleBroken) =>
    t(`account.apply.rules.${broken.rule}`, { ...broken.values, field: broken.values?.field ? t(`account.apply.${broken.values.field}`) : '' });

  /** A rule broken now shows once the field was left or the form sent; the server's word stands until the field changes. */
  const errorOf = (path: string): string | undefined => {
    const serverProblem = server?.placed[path]?.[0];
    if (serverProblem) return serverWords(t, serverProblem);
    if (path === 'sessionId' && sessionMissing && attempted) return t('account.apply.server.sessionOfOpenDay');
    const broken = live[path];
    return broken && (attempted || touched.has(path)) ? words(broken) : undefined;
  };

  const change = (next: ApplicationDraft, changedPaths: string[]) => {
    setDraft(next);
    if (server) setServer({ ...server, placed: withoutPaths(server.placed, changedPaths) });
  };
  const blur = (path: string) => setTouched((before) => new Set(before).add(path));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setServer(null);
    const problems = Object.keys(live);
    if (sessionMissing) problems.unshift('sessionId');
    if (problems.length > 0) return focusFirstProblem(problems);
    apply.mutate();
  };

  if (openDay.status === 'cancelled') return <p className="acc-notice" role="alert">{t('account.apply.cancelled')}</p>;
  if (!openDay.openForApplications) return <p className="acc-notice" role="alert">{t('account.apply.notOpen')}</p>;

  const visibleCount = attempted ? Object.keys(live).length + (sessionMissing ? 1 : 0) : 0;
  const topProblems = server?.placed[''] ?? [];
  return (
    <form className="acc-form" onSubmit={submit} noValidate>
      <OpenDayFacts openDay={openDay} />
      {visibleCount > 0 && (
        <p className="acc-notice acc-notice-error" role="alert">
          {t('account.apply.fixErrors', { count: visibleCount })}
        </p>
      )}
      {server && (
        <div className="acc-notice acc-notice-error" role="alert">
          <p>{problemMessage(server.problem, t)}</p>
          {topProblems.map((p) => (
            <p key={p.field + p.rule}>{serverWords(t, p)}</p>
          ))}
        </div>
      )}

      <fieldset className="acc-fieldset">
        <legend className="acc-legend">{t('account.apply.channel')}</legend>
        <div className="acc-choices">
          {CHANNELS.map((channel) => (
            <label key={channel} className="acc-choice">
              <input type="radio" name="channel" value={channel} checked={draft.channel === channel} onChange={() => change({ ...draft, channel }, [])} />
              <span>{t(`account.apply.channels.${channel}`)}</span>
            </label>
          ))}
        </div>
        <p className="acc-hint">{t(`account.apply.channelHint.${draft.channel}`)}</p>
      </fieldset>

      {openDay.sessions.length > 1 && (
        <Field path="sessionId" label={t('account.apply.session')} error={errorOf('sessionId')} required>
          {(control) => (
            <select {...control} className="acc-input" value={draft.sessionId} onChange={(e) => change({ ...draft, sessionId: e.target.value }, ['sessionId'])}>
              <option value="">{t('account.apply.chooseCategory')}</option>
              {openDay.sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {t('account.apply.sessionOption', { date: s.date, start: s.startsAt, end: s.endsAt })}
                  {typeof s.placesLeft === 'number' && ` · ${s.placesLeft > 0 ? t('common.placesLeft', { count: s.placesLeft }) : t('common.placesFull')}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      {draft.channel === 'organisation' && (
        <Field path="recommendingOrganisation" label={t('account.apply.recommendingOrganisation')} error={errorOf('recommendingOrganisation')} required>
          {(control) => (
            <input
              {...control}
              className="acc-input"
              maxLength={100}
              value={draft.recommendingOrganisation}
              onChange={(e) => change({ ...draft, recommendingOrganisation: e.target.value }, ['recommendingOrganisation'])}
              onBlur={() => blur('recommendingOrganisation')}
            />
          )}
        </Field>
      )}

      {draft.channel === 'group' ? (
        <MembersFields
          draft={draft}
          categories={categoriesOf(openDay)}
          districts={districtChoices}
          errorOf={errorOf}
          onChange={change}
          onBlur={blur}
          newMember={() => ({ ...emptyPerson(), district: districts.length === 1 ? districts[0] : '' })}
        />
      ) : (
        <fieldset className="acc-fieldset">
          <legend className="acc-legend">{t('account.apply.applicant')}</legend>
          <PersonFields
            path="applicant"
            person={draft.applicant}
            categories={categoriesOf(openDay)}
            districts={districtChoices}
            errorOf={errorOf}
            onChange={(applicant) => change({ ...draft, applicant }, changedPaths('applicant', draft.applicant, applicant))}
            onBlur={blur}
          />
        </fieldset>
      )}

      <PrivacyNotice
        checked={draft.privacyConsent}
        error={errorOf('privacyConsent')}
        onChange={(privacyConsent) => change({ ...draft, privacyConsent }, ['privacyConsent'])}
      />

      <Button type="submit" color="primary" block size="large" loading={apply.isPending} loadingText={t('account.apply.submitting')}>
        {t('account.apply.submit')}
      </Button>
    </form>
  );
}

/**
 * A server problem about a field in the reader's language: the form's own words
 * for the rule, else the portal's common words for it, else a plain "fix this"
 * (the gateway's own message is English and technical).
 */
function serverWords(t: TFunction, problem: FieldProblem): string {
  const fallback = t(`problems.rules.${problem.rule}`, { defaultValue: t('problems.invalidFields') });
  return t(`account.apply.server.${problem.rule}`, { defaultValue: fallback });
}

function OpenDayFacts({ openDay }: { openDay: PublicOpenDay }) {
  const { t } = useTranslation();
  const { eligibility, registrationClosesAt } = openDay;
  const age =
    eligibility && (eligibility.maxAge === null ? t('account.apply.ageAtLeast', { min: eligibility.minAge }) : t('account.apply.ageRange', { min: eligibility.minAge, max: eligibility.maxAge }));
  return (
    <div className="acc-facts">
      {registrationClosesAt && <p>{t('account.apply.window', { closes: shanghaiDateTime(registrationClosesAt) })}</p>}
      {age && <p>{t('account.apply.eligibility', { rule: age })}</p>}
    </div>
  );
}

/** Every control the form shows: a server problem about anything else goes to the nearest of them. */
function controlsOf(draft: ApplicationDraft): Set<string> {
  const controls = new Set(['sessionId', 'privacyConsent']);
  if (draft.channel === 'organisation') controls.add('recommendingOrganisation');
  if (draft.channel === 'group') ['unit.name', 'unit.creditCode', 'members'].forEach((c) => controls.add(c));
  for (const { path } of peopleOnForm(draft)) {
    controls.add(path);
    ['name', 'idNumber', 'mobile', 'category', 'district', 'email'].forEach((key) => controls.add(`${path}.${key}`));
  }
  return controls;
}

/** Drops the problems of the paths given and of everything under them (`members` takes `members[1].idNumber`). */
function withoutPaths(placed: PlacedProblems, paths: string[]): PlacedProblems {
  const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
  return Object.fromEntries(Object.entries(placed).filter(([path]) => !paths.some((root) => under(path, root))));
}

/** Keyboard and screen-reader users land on the first thing to fix. */
function focusFirstProblem(paths: string[]): void {
  for (const path of paths) {
    const element = document.getElementById(controlId(path));
    if (element) {
      element.focus();
      return;
    }
  }
}
