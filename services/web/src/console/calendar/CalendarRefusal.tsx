import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../time/shanghai';
import { problemMessage, type Problem } from '../api/console-client';
import { calendarRefusals, type CalendarChangeBody } from './calendar-changes';

/** The calendar's refusal in words: each date it is about and what is wrong with it, else the problem as a whole. */
export function CalendarRefusal({ error, sent }: { error: Problem; sent: CalendarChangeBody }) {
  const { t, i18n } = useTranslation();
  const refusals = calendarRefusals(error, sent);
  if (refusals.length === 0) return <Alert type="error" showIcon role="alert" title={problemMessage(error, t)} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('console.calendar.refused')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
          {refusals.map((refusal, index) => (
            <li key={index}>
              {refusal.key === 'other'
                ? refusal.message
                : t(`console.calendar.refusals.${refusal.key}`, { date: refusal.date ? formatDate(refusal.date, i18n.language) : '' })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
