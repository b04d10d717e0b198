import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Input, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../time/shanghai';
import { consoleApi, problemOf, unwrap } from '../api/console-client';
import { CalendarRefusal } from './CalendarRefusal';
import { calendarChanged } from './calendar-keys';
import { dayCorrection, NOTE_MAX, type CalendarChangeBody, type CorrectionKind, type CorrectionProblem } from './calendar-changes';
import { isCalendarDate } from '@openday/domain/calendar';
import { dayKind, type DayKind, type WorkingCalendar } from './year-at-a-glance';

const CORRECTIONS: readonly CorrectionKind[] = ['holiday', 'adjusted', 'ordinary'];

/** One day corrected: made a holiday, an adjusted working day, or an ordinary day again, with the reason. */
export function CorrectionDrawer({ date, ...props }: { date: string | null } & Omit<CorrectionProps, 'pickedDate'>) {
  const { t } = useTranslation();
  return (
    <Drawer open={date !== null} onClose={props.onClose} size={520} title={t('console.calendar.correction.title')} destroyOnHidden>
      {/* A fresh form for each day picked. */}
      {date !== null && <CorrectionForm key={date} pickedDate={date} {...props} />}
    </Drawer>
  );
}

interface CorrectionProps {
  /** The day to correct ('' to type one). */
  pickedDate: string;
  calendar: WorkingCalendar;
  onClose: () => void;
  onCorrected: (message: string) => void;
}

function CorrectionForm({ pickedDate, calendar, onClose, onCorrected }: CorrectionProps) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [date, setDate] = useState(pickedDate);
  const [kind, setKind] = useState<CorrectionKind | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: 'date' | 'kind' | 'reason'; problem: CorrectionProblem } | null>(null);
  const [sent, setSent] = useState<CalendarChangeBody>({});

  const kindOf = useMemo(() => {
    const holidays = new Set(calendar.holidays);
    const adjusted = new Set(calendar.adjustedWorkingDays);
    return (day: string) => dayKind(day, holidays, adjusted);
  }, [calendar]);
  const correct = useMutation({
    mutationFn: ({ body }: { body: CalendarChangeBody; after: DayKind }) => unwrap(consoleApi.POST('/api/v1/working-calendar/changes', { body })),
    onSuccess: async (_calendar, { after }) => {
      await calendarChanged(client);
      onCorrected(t('console.calendar.correction.done', { date: formatDate(date, i18n.language), kind: t(`console.calendar.kinds.${after}`) }));
    },
  });
  const submit = () => {
    const checked = dayCorrection({ date, kind, reason }, calendar.coveredYears, kindOf);
    if (!checked.ok) {
      setProblem(checked);
      return;
    }
    setProblem(null);
    setSent(checked.body);
    correct.mutate({ body: checked.body, after: checked.after });
  };
  const known = isCalendarDate(date) && calendar.coveredYears.includes(Number(date.slice(0, 4)));
  const problemId = problem ? `correction-${problem.field}-problem` : undefined;
  const problemText = problem && (
    <Typography.Text type="danger" role="alert" id={problemId} style={{ display: 'block' }}>
      {t(`console.calendar.correction.problems.${problem.problem}`)}
    </Typography.Text>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('console.calendar.correction.intro')}
      </Typography.Paragraph>
      <div>
        <label className="console-label" htmlFor="correction-date">
          {t('console.calendar.correction.date')}
        </label>
        <Input
          id="correction-date"
          type="date"
          value={date}
          status={problem?.field === 'date' ? 'error' : undefined}
          aria-invalid={problem?.field === 'date'}
          aria-describedby={problem?.field === 'date' ? problemId : 'correction-now'}
          onChange={(event) => {
            setDate(event.target.value);
            setProblem(null);
          }}
        />
        {problem?.field === 'date' && problemText}
        <Typography.Text type="secondary" id="correction-now" style={{ display: 'block' }}>
          {known ? t('console.calendar.correction.now', { kind: t(`console.calendar.kinds.${kindOf(date)}`) }) : t('console.calendar.correction.pickDate')}
        </Typography.Text>
      </div>
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend className="console-label" style={{ fontSize: 'inherit', marginBottom: '0.25rem' }}>
          {t('console.calendar.correction.kind')}
        </legend>
        <Radio.Group
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as CorrectionKind);
            setProblem(null);
          }}
        >
          <Space orientation="vertical">
            {CORRECTIONS.map((option) => (
              <Radio key={option} value={option}>
                <strong>{t(`console.calendar.correction.kinds.${option}.label`)}</strong>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t(`console.calendar.correction.kinds.${option}.explain`)}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {problem?.field === 'kind' && problemText}
      </fieldset>
      <div>
        <label className="console-label" htmlFor="correction-reason">
          {t('console.calendar.correction.reason')}
        </label>
        <Input.TextArea
          id="correction-reason"
          rows={3}
          maxLength={NOTE_MAX}
          value={reason}
          placeholder={t('console.calendar.correction.reasonExample')}
          status={problem?.field === 'reason' ? 'error' : undefined}
          aria-invalid={problem?.field === 'reason'}
          aria-describedby={problem?.field === 'reason' ? problemId : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setProblem(null);
          }}
        />
        {problem?.field === 'reason' && problemText}
      </div>
      {correct.isError && <CalendarRefusal error={problemOf(correct.error)} sent={sent} />}
      <Space wrap>
        <Button type="primary" loading={correct.isPending} onClick={submit}>
          {t('console.calendar.correction.save')}
        </Button>
        <Button onClick={onClose}>{t('console.calendar.cancel')}</Button>
      </Space>
    </Space>
  );
}
