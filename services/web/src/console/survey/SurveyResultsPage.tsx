import { useQuery } from '@tanstack/react-query';
import { Card, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { consoleApi, unwrap } from '../api/console-client';
import { ChosenOpenDayPage, useChosenOpenDay } from '../feedback/OpenDayPicker';
import '../feedback/feedback.css';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { ResultChart } from './ResultChart';
import { OVERALL_ID } from './survey-editor';
import { resultRows, type QuestionResult, type ResultRow } from './survey-results';

/** The survey's results: how many answered, overall satisfaction, and each own question's counts as bars with the numbers beside them. */
export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const picked = useChosenOpenDay();
  const openDayId = picked.chosen?.openDayId;
  const results = useQuery({
    queryKey: ['console', 'survey', 'results', openDayId],
    enabled: openDayId !== undefined,
    queryFn: () => unwrap(consoleApi.GET('/api/v1/open-days/{id}/survey/results', { params: { path: { id: openDayId! } } })),
  });
  const overall = results.data?.questions[0];

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.survey.results.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.survey.results.intro')}</Typography.Paragraph>
      <ChosenOpenDayPage picked={picked} size="large" tools={(chosen) => <Link to={`/console/survey?openDay=${encodeURIComponent(chosen.openDayId)}`}>{t('console.survey.toEditor')}</Link>}>
        {results.isPending ? (
          <ConsoleLoading />
        ) : results.isError ? (
          <ConsoleError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <>
            <div className="console-survey-figures">
              <Card size="small">
                <Statistic title={t('console.survey.results.responses')} value={results.data.responses} />
              </Card>
              <Card size="small">
                <Statistic
                  title={t('console.survey.results.mean')}
                  value={overall?.mean ?? t('console.survey.results.noMean')}
                  precision={overall?.mean != null ? 2 : undefined}
                  suffix={overall?.mean != null ? t('console.survey.results.outOfFive') : undefined}
                />
              </Card>
            </div>
            {results.data.responses === 0 ? (
              <ConsoleEmpty title={t('console.survey.results.none')} />
            ) : (
              results.data.questions.map((question, index) => <QuestionResultView key={question.id} question={question} number={index + 1} />)
            )}
          </>
        )}
      </ChosenOpenDayPage>
    </>
  );
}

function QuestionResultView({ question, number }: { question: QuestionResult; number: number }) {
  const { t } = useTranslation();
  const rows = resultRows(question);
  const rating = question.kind === 'rating';
  const labelOf = (row: ResultRow) => (rating ? t('console.survey.results.rating', { n: row.label }) : row.label);
  const headingId = `survey-result-${question.id}`;
  // The overall question's wording is the platform's, in both languages at once: said here in the reader's.
  const prompt = question.id === OVERALL_ID ? t('console.survey.overall.prompt') : question.prompt;
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <div className="console-survey-question-head">
          <Typography.Title level={2} id={headingId} className="console-section-title" style={{ margin: 0 }}>
            {t('console.survey.question.number', { n: number })} · {prompt}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(`console.survey.kinds.${question.kind}`)} · {t('console.survey.results.answered', { count: question.answered })}
            {question.mean !== null && ` · ${t('console.survey.results.meanOf', { mean: question.mean.toFixed(2) })}`}
          </Typography.Text>
        </div>
        {question.kind === 'text' ? (
          <Typography.Paragraph style={{ margin: 0 }}>{t('console.survey.results.textOnly', { count: question.answered })}</Typography.Paragraph>
        ) : (
          <div className="console-survey-result">
            <ResultChart rows={rows} labels={rows.map(labelOf)} label={t('console.survey.results.chartLabel', { prompt })} />
            <Table<ResultRow>
              size="small"
              rowKey={(row) => row.label}
              dataSource={rows}
              pagination={false}
              columns={[
                { title: t(rating ? 'console.survey.results.columns.rating' : 'console.survey.results.columns.answer'), key: 'label', render: (_v, row) => labelOf(row) },
                { title: t('console.survey.results.columns.count'), key: 'count', align: 'right', render: (_v, row) => row.count },
                { title: t('console.survey.results.columns.percent'), key: 'percent', align: 'right', render: (_v, row) => t('console.survey.results.percent', { percent: row.percent }) },
              ]}
            />
          </div>
        )}
      </Card>
    </section>
  );
}
