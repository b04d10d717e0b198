import { useState, type FormEvent } from 'react';
import { Button, Tag } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../api/client';
import { agencyName, useAgencies } from '../../open-days/queries';
import { EmptyState } from '../../ui/EmptyState';
import { accountApi } from '../api/account-api';
import { keys, useMyFeedback } from '../api/queries';
import type { FeedbackItemView } from '../api/views';
import { shanghaiDateTime } from '../format';
import { AccountPage } from '../ui/AccountPage';

/** The citizen's opinions, each with the department's answer and, once answered, their rating of it. */
export default function MyFeedbackPage() {
  const { t } = useTranslation();
  const feedback = useMyFeedback();
  const items = feedback.data ?? [];
  return (
    <AccountPage title={t('account.feedback.mineTitle')} back="/me" loading={[feedback]}>
      {items.length === 0 ? (
        <EmptyState title={t('account.feedback.mineEmpty')} hint={t('account.feedback.mineEmptyHint')} />
      ) : (
        <ul className="acc-cards" aria-label={t('account.feedback.mineTitle')}>
          {items.map((item) => (
            <li key={item.id} id={item.id}>
              <Opinion item={item} />
            </li>
          ))}
        </ul>
      )}
    </AccountPage>
  );
}

function Opinion({ item }: { item: FeedbackItemView }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  return (
    <article className="acc-card" aria-labelledby={`fb-${item.id}`}>
      <h2 className="acc-card-title" id={`fb-${item.id}`}>
        {item.openDayTitle ?? t(`account.feedback.topics.${item.topic}`)}
      </h2>
      <p>
        <Tag color={item.status === 'answered' ? 'success' : 'primary'} fill="outline">
          {t(`account.feedback.status.${item.status}`)}
        </Tag>{' '}
        <span className="acc-muted">{t(`account.feedback.topics.${item.topic}`)}</span>
      </p>
      <p className="acc-quote">{item.text}</p>
      <p className="acc-muted">{t('account.feedback.submittedAt', { when: shanghaiDateTime(item.submittedAt) })}</p>
      {item.status === 'assigned' && (
        <p className="acc-muted">{t('account.feedback.assignedTo', { department: item.departmentId ? agencyName(agencies.data, item.departmentId) : t('account.timeline.theDepartment'), due: item.dueDate ?? '' })}</p>
      )}
      {item.overdue && <p className="acc-error">{t('account.feedback.overdue')}</p>}
      {item.answer && (
        <section className="acc-answer" aria-label={t('account.feedback.answer')}>
          <h3 className="acc-label">
            {t('account.feedback.answer')} · {t(`account.timeline.outcome.${item.answer.outcome}`, { date: item.answer.promisedBy ?? '', to: item.answer.passedTo ?? '' })}
          </h3>
          <p>{item.answer.answer}</p>
          <p className="acc-muted">
            {t('account.feedback.answeredAt', { when: shanghaiDateTime(item.answer.answeredAt) })}
            {item.answer.late && ` · ${t('account.feedback.late')}`}
          </p>
          {item.rating === null ? <RateAnswer feedbackId={item.id} /> : <p>{t('account.feedback.rated', { n: item.rating })}</p>}
        </section>
      )}
    </article>
  );
}

/** Five labelled radio buttons: a star widget that a keyboard and a screen reader can use. */
function RateAnswer({ feedbackId }: { feedbackId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState<number | null>(null);
  const [attempted, setAttempted] = useState(false);
  const rate = useMutation({
    mutationFn: (value: number) => accountApi.rate(feedbackId, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.mine }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (rating !== null) rate.mutate(rating);
  };
  return (
    <form onSubmit={submit} className="acc-rate" noValidate>
      <fieldset className="acc-fieldset" aria-describedby={attempted && rating === null ? `rate-${feedbackId}-error` : undefined}>
        <legend className="acc-legend">{t('account.feedback.ratingLegend')}</legend>
        <div className="acc-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={rating !== null && n <= rating ? 'acc-star acc-star-on' : 'acc-star'}>
              <input type="radio" name={`rating-${feedbackId}`} value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span aria-hidden>★</span>
              <span className="visually-hidden">{t('account.feedback.rating', { n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {attempted && rating === null && (
        <p className="acc-error" id={`rate-${feedbackId}-error`}>
          {t('account.feedback.ratingRequired')}
        </p>
      )}
      {rate.error && (
        <p className="acc-error" role="alert">
          {problemMessage(problemOf(rate.error), t)}
        </p>
      )}
      <Button type="submit" color="primary" size="small" loading={rate.isPending}>
        {t('account.feedback.submitRating')}
      </Button>
    </form>
  );
}
