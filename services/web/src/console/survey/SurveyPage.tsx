import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ChosenOpenDayPage, useChosenOpenDay } from '../feedback/OpenDayPicker';
import '../feedback/feedback.css';
import { ConsoleError, ConsoleLoading } from '../shell/states';
import {
  changed,
  draftsOf,
  isChoice,
  KINDS,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  moved,
  newQuestion,
  OPTION_MAX,
  OVERALL_ID,
  PROMPT_MAX,
  questionsBody,
  type QuestionDraft,
  type QuestionKind,
  type QuestionProblem,
  type QuestionsBody,
} from './survey-editor';

type Survey = components['schemas']['SurveyDto'];

/** The survey questions editor: the overall question fixed first, then the agency's own, in order, until anyone answers. */
export default function SurveyPage() {
  const { t } = useTranslation();
  const picked = useChosenOpenDay();
  const openDayId = picked.chosen?.openDayId;
  const survey = useQuery({
    queryKey: ['console', 'survey', openDayId],
    enabled: openDayId !== undefined,
    queryFn: () => unwrap(consoleApi.GET('/api/v1/open-days/{id}/survey', { params: { path: { id: openDayId! } } })),
  });

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.survey.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.survey.intro')}</Typography.Paragraph>
      <ChosenOpenDayPage picked={picked} size="middle" tools={(chosen) => <Link to={`/console/survey/results?openDay=${encodeURIComponent(chosen.openDayId)}`}>{t('console.survey.toResults')}</Link>}>
        {survey.isPending ? (
          <ConsoleLoading />
        ) : survey.isError ? (
          <ConsoleError error={survey.error} onRetry={() => void survey.refetch()} />
        ) : (
          // A fresh editor per open day: the drafts start from what is saved.
          <QuestionsEditor key={openDayId} survey={survey.data} />
        )}
      </ChosenOpenDayPage>
    </>
  );
}

function QuestionsEditor({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => draftsOf(survey.questions));
  const [problems, setProblems] = useState<Record<number, QuestionProblem[]>>({});
  const [tooMany, setTooMany] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: QuestionsBody) => unwrap(consoleApi.PUT('/api/v1/open-days/{id}/survey/questions', { params: { path: { id: survey.openDayId } }, body })),
    onSuccess: (view) => {
      client.setQueryData(['console', 'survey', survey.openDayId], view);
      // New questions now have their ids: the drafts are what is saved.
      setDrafts(draftsOf(view.questions));
      setSaved(true);
    },
    onError: () => void client.invalidateQueries({ queryKey: ['console', 'survey', survey.openDayId] }),
  });
  const edit = (next: QuestionDraft[]) => {
    setDrafts(next);
    setProblems({});
    setTooMany(false);
    setSaved(false);
  };
  const update = (index: number, patch: Partial<QuestionDraft>) => edit(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const dirty = changed(drafts, survey.questions);
  const hasProblems = tooMany || Object.keys(problems).length > 0;

  if (survey.locked) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('console.survey.locked', { count: survey.responses })} />
        {survey.questions.map((question, index) => (
          <section key={question.id} className="console-survey-question" aria-labelledby={`survey-q-${index}`}>
            <Typography.Title level={2} id={`survey-q-${index}`} className="console-section-title">
              {t('console.survey.question.number', { n: index + 1 })} · {t(`console.survey.kinds.${question.kind}`)}
              {question.required && ` · ${t('console.survey.question.required')}`}
            </Typography.Title>
            <Typography.Paragraph style={{ margin: 0 }}>{question.id === OVERALL_ID ? t('console.survey.overall.prompt') : question.prompt}</Typography.Paragraph>
            {question.options && <Typography.Paragraph type="secondary" style={{ margin: '0.25rem 0 0' }}>{question.options.join(' / ')}</Typography.Paragraph>}
          </section>
        ))}
      </Space>
    );
  }

  return (
    <form
      noValidate
      aria-label={t('console.survey.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = questionsBody(drafts);
        if (!checked.ok) {
          setProblems(checked.problems);
          setTooMany(checked.tooMany);
          return;
        }
        save.mutate(checked.body);
      }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <section className="console-survey-question" aria-labelledby="survey-overall">
          <Typography.Title level={2} id="survey-overall" className="console-section-title">
            {t('console.survey.overall.label')}
          </Typography.Title>
          <Typography.Paragraph style={{ margin: 0 }}>{t('console.survey.overall.prompt')}</Typography.Paragraph>
          <p className="console-hint">{t('console.survey.overall.hint')}</p>
        </section>
        {drafts.length === 0 && <Typography.Paragraph type="secondary">{t('console.survey.none')}</Typography.Paragraph>}
        {drafts.map((draft, index) => (
          <QuestionCard
            key={index}
            draft={draft}
            index={index}
            count={drafts.length}
            problems={problems[index] ?? []}
            onChange={(patch) => update(index, patch)}
            onMove={(by) => edit(moved(drafts, index, by))}
            onRemove={() => edit(drafts.filter((_, i) => i !== index))}
          />
        ))}
        <Space wrap>
          {KINDS.map((kind) => (
            <Button key={kind} disabled={drafts.length >= MAX_QUESTIONS} onClick={() => edit([...drafts, newQuestion(kind)])}>
              {t('console.survey.add', { kind: t(`console.survey.kinds.${kind}`) })}
            </Button>
          ))}
        </Space>
        {hasProblems && (
          <Alert type="error" showIcon role="alert" title={t(tooMany ? 'console.survey.problems.tooMany' : 'console.survey.problems.some')} />
        )}
        {save.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(save.error), t)} />}
        {saved && !dirty && <Alert type="success" showIcon role="status" title={t('console.survey.saved')} />}
        <Space wrap align="center">
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
            {t('console.survey.save')}
          </Button>
          {dirty && <Typography.Text type="secondary">{t('console.survey.unsaved')}</Typography.Text>}
        </Space>
      </Space>
    </form>
  );
}

function QuestionCard({
  draft,
  index,
  count,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  draft: QuestionDraft;
  index: number;
  count: number;
  problems: QuestionProblem[];
  onChange: (patch: Partial<QuestionDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  // The overall question is number 1: the agency's own start at 2.
  const number = index + 2;
  const id = `survey-question-${index}`;
  const promptProblem = problems.find((p) => p.startsWith('prompt.'));
  const optionProblems = problems.filter((p) => p.startsWith('options.'));
  const setKind = (kind: QuestionKind) =>
    onChange({ kind, options: isChoice(kind) ? (draft.options.length > 0 ? draft.options : ['', '']) : [] });

  return (
    <section className="console-survey-question" aria-labelledby={`${id}-title`}>
      <div className="console-survey-question-head">
        <Typography.Title level={2} id={`${id}-title`} className="console-section-title" style={{ margin: 0 }}>
          {t('console.survey.question.number', { n: number })}
        </Typography.Title>
        <Space wrap>
          <Button size="small" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('console.survey.question.moveUpNamed', { n: number })}>
            {t('console.survey.question.moveUp')}
          </Button>
          <Button size="small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('console.survey.question.moveDownNamed', { n: number })}>
            {t('console.survey.question.moveDown')}
          </Button>
          <Button size="small" danger onClick={onRemove} aria-label={t('console.survey.question.removeNamed', { n: number })}>
            {t('console.survey.question.remove')}
          </Button>
        </Space>
      </div>
      <Space wrap size="large" align="end" style={{ marginBottom: '0.75rem' }}>
        <div>
          <label htmlFor={`${id}-kind`} className="console-label">
            {t('console.survey.question.kind')}
          </label>
          <Select
            id={`${id}-kind`}
            style={{ width: '14rem', marginTop: '0.25rem' }}
            value={draft.kind}
            onChange={setKind}
            options={KINDS.map((kind) => ({ value: kind, label: t(`console.survey.kinds.${kind}`) }))}
          />
        </div>
        <Checkbox checked={draft.required} onChange={(event) => onChange({ required: event.target.checked })}>
          {t('console.survey.question.required')}
        </Checkbox>
      </Space>
      <div style={{ marginBottom: '0.75rem' }}>
        <label htmlFor={`${id}-prompt`} className="console-label">
          {t('console.survey.question.prompt')}
        </label>
        <Input
          id={`${id}-prompt`}
          value={draft.prompt}
          maxLength={PROMPT_MAX}
          aria-invalid={promptProblem !== undefined}
          aria-describedby={promptProblem ? `${id}-prompt-problem` : undefined}
          status={promptProblem ? 'error' : undefined}
          onChange={(event) => onChange({ prompt: event.target.value })}
        />
        {promptProblem && (
          <Typography.Text type="danger" id={`${id}-prompt-problem`} role="alert" className="console-field-error">
            {t(`console.survey.problems.${promptProblem}`)}
          </Typography.Text>
        )}
      </div>
      {isChoice(draft.kind) && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={optionProblems.length > 0 ? `${id}-options-problem` : undefined}>
          <legend className="console-label">{t('console.survey.question.options')}</legend>
          {draft.options.map((option, optionIndex) => (
            <div key={optionIndex} className="console-survey-option">
              <Input
                aria-label={t('console.survey.question.option', { n: optionIndex + 1 })}
                value={option}
                maxLength={OPTION_MAX}
                status={optionProblems.length > 0 && option.trim() === '' ? 'error' : undefined}
                onChange={(event) => onChange({ options: draft.options.map((o, i) => (i === optionIndex ? event.target.value : o)) })}
              />
              <Button
                onClick={() => onChange({ options: draft.options.filter((_, i) => i !== optionIndex) })}
                aria-label={t('console.survey.question.removeOptionNamed', { n: optionIndex + 1 })}
              >
                {t('console.survey.question.removeOption')}
              </Button>
            </div>
          ))}
          <Button disabled={draft.options.length >= MAX_OPTIONS} onClick={() => onChange({ options: [...draft.options, ''] })}>
            {t('console.survey.question.addOption')}
          </Button>
          {optionProblems.length > 0 && (
            <Typography.Text type="danger" id={`${id}-options-problem`} role="alert" className="console-field-error" style={{ display: 'block' }}>
              {optionProblems.map((p) => t(`console.survey.problems.${p}`)).join(' ')}
            </Typography.Text>
          )}
        </fieldset>
      )}
    </section>
  );
}
