import { useRef, useState, type FormEvent } from 'react';
import { Button, Result } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { problemMessage, problemOf } from '../../api/client';
import { accountApi } from '../api/account-api';
import { keys, useOpenDay, useSurvey } from '../api/queries';
import type { SurveyQuestionView } from '../api/views';
import { AccountPage } from '../ui/AccountPage';
import { controlId } from '../ui/Field';
import { surveyAnswers, type SurveyValues } from './survey-answers';

/** The satisfaction survey of an open day the citizen checked in at: overall 1-5, then the agency's own questions. */
export default function SurveyPage() {
  const { openDayId = '' } = useParams();
  const { t } = useTranslation();
  const survey = useSurvey(openDayId);
  const openDay = useOpenDay(openDayId);
  const [sentNow, setSentNow] = useState(false);
  const notMine = survey.error && problemOf(survey.error).status === 404;
  return (
    <AccountPage title={t('account.survey.title')} back loading={notMine ? [openDay] : [survey, openDay]}>
      {notMine ? (
        <p className="acc-notice">{t('account.survey.notAvailable')}</p>
      ) : sentNow ? (
        <Result status="success" title={t('account.survey.sent')} />
      ) : survey.data?.answeredByMe ? (
        <Result status="success" title={t('account.survey.answered')} />
      ) : (
        survey.data && <SurveyForm openDayId={openDayId} title={openDay.data?.title ?? ''} questions={survey.data.questions} onSent={() => setSentNow(true)} />
      )}
    </AccountPage>
  );
}

function SurveyForm({ openDayId, title, questions, onSent }: { openDayId: string; title: string; questions: SurveyQuestionView[]; onSent: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SurveyValues>({});
  const [attempted, setAttempted] = useState(false);
  const key = useRef(crypto.randomUUID());
  const { answers, missing } = surveyAnswers(questions, values);
  const send = useMutation({
    mutationFn: () => accountApi.answerSurvey(openDayId, answers, key.current),
    onSuccess: () => {
      onSent();
      return queryClient.invalidateQueries({ queryKey: keys.mine });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (missing.length > 0) return document.getElementById(controlId(`q-${missing[0]}`))?.focus();
    send.mutate();
  };
  const set = (id: string, value: SurveyValues[string]) => setValues({ ...values, [id]: value });
  return (
    <form className="acc-form" onSubmit={submit} noValidate>
      <p>{t('account.survey.intro', { title })}</p>
      {send.error && (
        <p className="acc-notice acc-notice-error" role="alert">
          {problemMessage(problemOf(send.error), t)}
        </p>
      )}
      {questions.map((question) => (
        <Question
          key={question.id}
          question={question}
          value={values[question.id]}
          missing={attempted && missing.includes(question.id)}
          onChange={(value) => set(question.id, value)}
        />
      ))}
      <Button type="submit" color="primary" block size="large" loading={send.isPending}>
        {t('account.survey.submit')}
      </Button>
    </form>
  );
}

interface QuestionProps {
  question: SurveyQuestionView;
  value: SurveyValues[string];
  missing: boolean;
  onChange: (value: SurveyValues[string]) => void;
}

/** One question as a fieldset of native radios, checkboxes or a text box: labelled and keyboard-usable. */
function Question({ question, value, missing, onChange }: QuestionProps) {
  const { t } = useTranslation();
  const id = controlId(`q-${question.id}`);
  const errorId = `${id}-error`;
  const legend = question.prompt + (question.required ? '' : t('account.common.optional'));
  const choice = (type: 'radio' | 'checkbox', option: string | number, label: string, index: number) => {
    const checked = Array.isArray(value) ? value.includes(String(option)) : value === option;
    const toggle = () => {
      if (type === 'radio') return onChange(option);
      const list = Array.isArray(value) ? value : [];
      onChange(checked ? list.filter((v) => v !== option) : [...list, String(option)]);
    };
    return (
      <label key={label} className="acc-choice">
        <input type={type} id={index === 0 ? id : undefined} name={id} checked={checked} onChange={toggle} aria-invalid={missing} />
        <span>{label}</span>
      </label>
    );
  };
  if (question.kind === 'text') {
    return (
      <div className="acc-field">
        <label className="acc-label" htmlFor={id}>
          {legend}
        </label>
        <textarea id={id} className="acc-input acc-textarea" rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} aria-invalid={missing} aria-describedby={missing ? errorId : undefined} />
        {missing && <p className="acc-error" id={errorId}>{t('account.survey.required')}</p>}
      </div>
    );
  }
  const options: Array<[string | number, string]> =
    question.kind === 'rating' ? [1, 2, 3, 4, 5].map((n) => [n, t('account.survey.rating', { n })]) : (question.options ?? []).map((o) => [o, o]);
  return (
    <fieldset className="acc-fieldset" aria-describedby={missing ? errorId : undefined}>
      <legend className="acc-legend">{legend}</legend>
      <div className={question.kind === 'rating' ? 'acc-choices acc-choices-row' : 'acc-choices'}>
        {options.map(([option, label], index) => choice(question.kind === 'multiple-choice' ? 'checkbox' : 'radio', option, label, index))}
      </div>
      {missing && <p className="acc-error" id={errorId}>{t('account.survey.required')}</p>}
    </fieldset>
  );
}
