import { useRef, useState, type FormEvent } from 'react';
import { Button, Result } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemMessage, problemOf } from '../../api/client';
import { accountApi } from '../api/account-api';
import { keys, useOpenDay } from '../api/queries';
import { FEEDBACK_TOPICS, type FeedbackTopic } from '../api/views';
import { AccountPage } from '../ui/AccountPage';
import { controlId, Field } from '../ui/Field';
import { checkOpinion, MAX_OPINION_LENGTH, type OpinionDraft } from './opinion-input';

/** A checked-in representative gives an opinion or suggestion about the open day. */
export default function GiveOpinionPage() {
  const { openDayId = '' } = useParams();
  const { t } = useTranslation();
  const openDay = useOpenDay(openDayId);
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<OpinionDraft>({ topic: '', text: '', attachment: '' });
  const [attempted, setAttempted] = useState(false);
  // One key per opinion: a retry after a lost answer does not file it twice.
  const key = useRef(crypto.randomUUID());
  const send = useMutation({
    mutationFn: () =>
      accountApi.giveOpinion(
        openDayId,
        { topic: draft.topic as FeedbackTopic, text: draft.text.trim(), ...(draft.attachment.trim() ? { attachment: draft.attachment.trim() } : {}) },
        key.current,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.mine }),
  });
  const problems = checkOpinion(draft);
  const errorOf = (field: keyof OpinionDraft) => {
    const problem = attempted ? problems[field] : undefined;
    return problem && t(`account.feedback.${problem.key}`, { count: problem.count });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const first = (Object.keys(problems) as Array<keyof OpinionDraft>)[0];
    if (first) return document.getElementById(controlId(first))?.focus();
    send.mutate();
  };

  if (send.isSuccess) {
    return (
      <AccountPage title={t('account.feedback.giveTitle')} back>
        <Result status="success" title={t('account.feedback.sent')} />
        <div className="acc-actions">
          <Link className="acc-link-button acc-link-button-primary" to="/me/feedback">
            {t('account.nav.feedback')}
          </Link>
        </div>
      </AccountPage>
    );
  }
  return (
    <AccountPage title={t('account.feedback.giveTitle')} back hideTabs loading={[openDay]}>
      <form className="acc-form" onSubmit={submit} noValidate>
        {openDay.data && <p>{t('account.feedback.intro', { title: openDay.data.title })}</p>}
        {send.error && (
          <p className="acc-notice acc-notice-error" role="alert">
            {problemMessage(problemOf(send.error), t)}
          </p>
        )}
        <Field path="topic" label={t('account.feedback.topic')} error={errorOf('topic')} required>
          {(control) => (
            <select {...control} className="acc-input" value={draft.topic} onChange={(e) => setDraft({ ...draft, topic: e.target.value as FeedbackTopic })}>
              <option value="">{t('account.feedback.chooseTopic')}</option>
              {FEEDBACK_TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`account.feedback.topics.${topic}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="text" label={t('account.feedback.text')} hint={t('account.feedback.textHint')} error={errorOf('text')} required>
          {(control) => (
            <textarea {...control} className="acc-input acc-textarea" rows={6} maxLength={MAX_OPINION_LENGTH + 100} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
          )}
        </Field>
        <Field path="attachment" label={t('account.feedback.attachment') + t('account.common.optional')} hint={t('account.feedback.attachmentHint')} error={errorOf('attachment')}>
          {(control) => <input {...control} type="url" inputMode="url" className="acc-input" value={draft.attachment} onChange={(e) => setDraft({ ...draft, attachment: e.target.value })} />}
        </Field>
        <Button type="submit" color="primary" block size="large" loading={send.isPending}>
          {t('account.feedback.submit')}
        </Button>
      </form>
    </AccountPage>
  );
}
