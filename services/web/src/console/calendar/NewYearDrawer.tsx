import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi, problemOf, unwrap } from '../api/console-client';
import { CalendarRefusal } from './CalendarRefusal';
import { calendarChanged } from './calendar-keys';
import { datesOf, newYearChange, NOTICE_HOLIDAYS, type CalendarChangeBody, type LineKind, type NewYearForm, type NoticeLine } from './calendar-changes';
import { CalendarLegend, YearGrid } from './YearGrid';
import { isCalendarDate } from '@openday/domain/calendar';
import { yearAtAGlance } from './year-at-a-glance';

/**
 * A new year entered from the State Council's notice: one line per holiday (first and last day)
 * and per adjusted working day, each named; the year at a glance below shows it before saving.
 */
export function NewYearDrawer(props: NewYearProps & { open: boolean }) {
  const { t } = useTranslation();
  return (
    <Drawer open={props.open} onClose={props.onClose} size={960} title={t('console.calendar.newYear.title')} destroyOnHidden>
      {/* A fresh form each time the drawer opens, for the year it was opened for. */}
      {props.open && <NewYearFormBody key={props.initialYear} {...props} />}
    </Drawer>
  );
}

interface NewYearProps {
  initialYear: number;
  coveredYears: readonly number[];
  onClose: () => void;
  onAdded: (year: number, counts: { holidays: number; adjusted: number }) => void;
}

function NewYearFormBody({ initialYear, coveredYears, onClose, onAdded }: NewYearProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<NewYearForm>(() => ({
    year: initialYear,
    basis: '',
    lines: NOTICE_HOLIDAYS.map((key) => ({ name: t(`console.calendar.holidayNames.${key}`), kind: 'holiday', from: '', to: '' })),
  }));
  const [checked, setChecked] = useState(false);
  const [sent, setSent] = useState<CalendarChangeBody>({});

  const outcome = useMemo(() => newYearChange(form, coveredYears), [form, coveredYears]);
  const add = useMutation({
    mutationFn: (body: CalendarChangeBody) => unwrap(consoleApi.POST('/api/v1/working-calendar/changes', { body })),
    onSuccess: async () => {
      await calendarChanged(client);
      if (outcome.ok) onAdded(form.year ?? initialYear, { holidays: outcome.holidays.length, adjusted: outcome.adjustedWorkingDays.length });
    },
  });
  const change = (patch: Partial<NewYearForm>) => setForm((current) => ({ ...current, ...patch }));
  const changeLine = (index: number, patch: Partial<NoticeLine>) =>
    setForm((current) => ({ ...current, lines: current.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)) }));
  const addLine = (kind: LineKind) =>
    setForm((current) => ({ ...current, lines: [...current.lines, { name: kind === 'adjusted' ? t('console.calendar.adjustedName') : '', kind, from: '', to: '' }] }));
  const removeLine = (index: number) => setForm((current) => ({ ...current, lines: current.lines.filter((_, i) => i !== index) }));

  const submit = () => {
    setChecked(true);
    if (!outcome.ok) return;
    setSent(outcome.body);
    add.mutate(outcome.body);
  };
  const lineProblems = checked && !outcome.ok ? outcome.lines : [];
  const yearProblem = checked && !outcome.ok ? outcome.year : undefined;
  const year = form.year ?? initialYear;
  // The preview shows every filled-in line that reads as dates, even while others are unfinished.
  const preview = useMemo(() => {
    const filled = form.lines.filter((line) => isCalendarDate(line.from) && (!line.to || isCalendarDate(line.to)));
    const days = (kind: LineKind) => filled.filter((line) => line.kind === kind).flatMap((line) => datesOf(line.from, line.to));
    return yearAtAGlance(year, { holidays: days('holiday'), adjustedWorkingDays: days('adjusted'), coveredYears: [year] });
  }, [form.lines, year]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('console.calendar.newYear.intro')}
      </Typography.Paragraph>
      <div>
        <label className="console-label" htmlFor="new-year-year">
          {t('console.calendar.newYear.year')}
        </label>
        <InputNumber
          id="new-year-year"
          min={2000}
          max={2100}
          precision={0}
          value={form.year}
          status={yearProblem === 'year-invalid' || yearProblem === 'year-covered' ? 'error' : undefined}
          aria-invalid={yearProblem === 'year-invalid' || yearProblem === 'year-covered'}
          aria-describedby={yearProblem ? 'new-year-problem' : undefined}
          onChange={(value) => change({ year: typeof value === 'number' ? value : null })}
        />
      </div>
      <div>
        <label className="console-label" htmlFor="new-year-basis">
          {t('console.calendar.newYear.basis')}
        </label>
        <Input
          id="new-year-basis"
          value={form.basis}
          placeholder={t('console.calendar.newYear.basisExample', { year })}
          onChange={(event) => change({ basis: event.target.value })}
        />
      </div>
      {yearProblem && (
        <Typography.Text type="danger" role="alert" id="new-year-problem">
          {t(`console.calendar.newYear.problems.${yearProblem}`, { year })}
        </Typography.Text>
      )}
      <table className="cal-lines">
        <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: '0.25rem' }}>{t('console.calendar.newYear.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.calendar.newYear.name')}</th>
            <th scope="col">{t('console.calendar.newYear.kind')}</th>
            <th scope="col">{t('console.calendar.newYear.from')}</th>
            <th scope="col">{t('console.calendar.newYear.to')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('console.calendar.newYear.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {form.lines.map((line, index) => {
            const problem = lineProblems.find((p) => p.index === index);
            const row = index + 1;
            const problemId = `new-year-line-${index}-problem`;
            const described = problem ? { 'aria-describedby': problemId, 'aria-invalid': true } : {};
            return (
              <tr key={index}>
                <td style={{ width: '26%' }}>
                  <Input aria-label={t('console.calendar.newYear.nameOf', { row })} value={line.name} maxLength={40} onChange={(e) => changeLine(index, { name: e.target.value })} {...described} />
                  {problem && (
                    <Typography.Text type="danger" id={problemId} style={{ display: 'block' }}>
                      {t(`console.calendar.newYear.lineProblems.${problem.problem}`, { date: problem.date ?? '', year })}
                    </Typography.Text>
                  )}
                </td>
                <td style={{ width: '20%' }}>
                  <Select<LineKind>
                    aria-label={t('console.calendar.newYear.kindOf', { row })}
                    value={line.kind}
                    style={{ width: '100%' }}
                    onChange={(kind) => changeLine(index, { kind })}
                    options={[
                      { value: 'holiday', label: t('console.calendar.kinds.holiday') },
                      { value: 'adjusted', label: t('console.calendar.kinds.adjusted') },
                    ]}
                  />
                </td>
                <td>
                  <Input type="date" aria-label={t('console.calendar.newYear.fromOf', { row })} value={line.from} min={`${year}-01-01`} max={`${year}-12-31`} onChange={(e) => changeLine(index, { from: e.target.value })} {...described} />
                </td>
                <td>
                  <Input type="date" aria-label={t('console.calendar.newYear.toOf', { row })} value={line.to} min={line.from || `${year}-01-01`} max={`${year}-12-31`} onChange={(e) => changeLine(index, { to: e.target.value })} />
                </td>
                <td>
                  <Button onClick={() => removeLine(index)} aria-label={t('console.calendar.newYear.removeOf', { row, name: line.name || row })}>
                    {t('console.calendar.newYear.remove')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Typography.Text type="secondary">{t('console.calendar.newYear.toHint')}</Typography.Text>
      <Space wrap>
        <Button onClick={() => addLine('holiday')}>{t('console.calendar.newYear.addHoliday')}</Button>
        <Button onClick={() => addLine('adjusted')}>{t('console.calendar.newYear.addAdjusted')}</Button>
      </Space>
      {checked && !outcome.ok && outcome.lines.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('console.calendar.newYear.fix', { count: outcome.lines.length })} />
      )}
      {add.isError && <CalendarRefusal error={problemOf(add.error)} sent={sent} />}
      <Space wrap>
        <Button type="primary" loading={add.isPending} onClick={submit}>
          {t('console.calendar.newYear.save', { year })}
        </Button>
        <Button onClick={onClose}>{t('console.calendar.cancel')}</Button>
      </Space>
      <section aria-labelledby="new-year-preview">
        <Typography.Title level={2} id="new-year-preview" className="console-section-title">
          {t('console.calendar.newYear.preview', { year })}
        </Typography.Title>
        <CalendarLegend counts={preview.counts} />
        <YearGrid glance={preview} label={t('console.calendar.newYear.preview', { year })} />
      </section>
    </Space>
  );
}
