import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { shanghaiDate } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { consoleApi, unwrap } from '../api/console-client';
import { ConsoleError, ConsoleLoading } from '../shell/states';
import { CALENDAR_KEY, COVERAGE_KEY } from './calendar-keys';
import { CorrectionDrawer } from './CorrectionDrawer';
import { NewYearDrawer } from './NewYearDrawer';
import { CalendarLegend, YearGrid } from './YearGrid';
import { nextYearToAdd, yearAtAGlance, yearChoices, yearFromQuery } from './year-at-a-glance';

/** The city office's working-day calendar: a year at a glance, a new year entered from the notice, one day corrected. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const currentYear = Number(shanghaiDate(useNow(60_000)).slice(0, 4));
  const calendar = useQuery({ queryKey: CALENDAR_KEY, queryFn: () => unwrap(consoleApi.GET('/api/v1/working-calendar')) });
  const coverage = useQuery({ queryKey: COVERAGE_KEY, queryFn: () => unwrap(consoleApi.GET('/api/v1/working-calendar/coverage')) });
  const [params, setParams] = useSearchParams();
  const year = yearFromQuery(params.get('year')) ?? currentYear;
  const showYear = (next: number) => setParams({ year: String(next) }, { replace: true });
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const glance = useMemo(() => (calendar.data ? yearAtAGlance(year, calendar.data) : null), [calendar.data, year]);
  const covered = calendar.data?.coveredYears ?? [];
  const missing = coverage.data?.missingYears ?? [];
  const toAdd = nextYearToAdd(covered, missing, currentYear);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.calendar.intro')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
      {missing.length > 0 && (
        <Alert
          type={coverage.data?.urgent ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: '1rem' }}
          title={t('console.calendar.missing', { years: missing.join('、') })}
          action={<Button onClick={() => setAdding(true)}>{t('console.calendar.addYear', { year: toAdd })}</Button>}
        />
      )}
      {calendar.isPending ? (
        <ConsoleLoading />
      ) : calendar.isError ? (
        <ConsoleError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        glance && (
          <>
            <div className="cal-toolbar">
              <label htmlFor="calendar-year">{t('console.calendar.year')}</label>
              <Select
                id="calendar-year"
                value={year}
                style={{ width: '8rem' }}
                onChange={showYear}
                options={yearChoices(covered, missing, currentYear, year).map((y) => ({
                  value: y,
                  label: covered.includes(y) ? String(y) : t('console.calendar.yearMissing', { year: y }),
                }))}
              />
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('console.calendar.addYear', { year: toAdd })}
              </Button>
              <Button onClick={() => setCorrecting(glance.covered ? `${year}-01-01` : '')}>{t('console.calendar.correctDay')}</Button>
            </div>
            {glance.covered ? (
              <>
                <Typography.Title level={2} className="console-section-title">
                  {t('console.calendar.yearTitle', { year })}
                </Typography.Title>
                <CalendarLegend counts={glance.counts} />
                <Typography.Paragraph type="secondary">{t('console.calendar.pickHint')}</Typography.Paragraph>
                <YearGrid glance={glance} onPick={setCorrecting} label={t('console.calendar.yearTitle', { year })} />
              </>
            ) : (
              <Alert
                type="info"
                showIcon
                title={t('console.calendar.notCovered', { year })}
                action={<Button onClick={() => setAdding(true)}>{t('console.calendar.addYear', { year })}</Button>}
              />
            )}
          </>
        )
      )}
      {calendar.data && (
        <>
          <NewYearDrawer
            open={adding}
            initialYear={glance && !glance.covered ? year : toAdd}
            coveredYears={covered}
            onClose={() => setAdding(false)}
            onAdded={(added, counts) => {
              setAdding(false);
              showYear(added);
              setDone(t('console.calendar.added', { year: added, holidays: counts.holidays, adjusted: counts.adjusted }));
            }}
          />
          <CorrectionDrawer
            date={correcting}
            calendar={calendar.data}
            onClose={() => setCorrecting(null)}
            onCorrected={(message) => {
              setCorrecting(null);
              setDone(message);
            }}
          />
        </>
      )}
    </>
  );
}
