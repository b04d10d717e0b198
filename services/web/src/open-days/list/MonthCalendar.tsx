import { useState } from 'react';
import { Button } from 'antd-mobile';
import { LeftOutline, RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addMonths, formatDate, formatMonth, shanghaiDate, shanghaiMonth } from '../../time/shanghai';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { agencyName, useAgencies, useCityCalendar } from '../queries';
import type { CityCalendarDay } from '../views';
import type { ListFilters } from './filters';
import { monthGrid } from './month-grid';

/** The city-wide calendar of a month: how many open days each day has; a day opens its list below. */
export function MonthCalendar({ filters, onMonth }: { filters: ListFilters; onMonth: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const month = filters.month || shanghaiMonth();
  const calendar = useCityCalendar(month, {
    agencyId: filters.agencyId || undefined,
    form: filters.form || undefined,
    district: filters.district || undefined,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const days = new Map((calendar.data?.days ?? []).map((day) => [day.date, day]));
  const chosenDay = chosen?.startsWith(month) ? days.get(chosen) : undefined;
  const total = calendar.data?.days.reduce((sum, day) => sum + day.count, 0) ?? 0;
  return (
    <section className="section" aria-labelledby="calendar-month">
      <div className="calendar-head">
        <Button fill="none" aria-label={t('list.calendar.previous')} onClick={() => onMonth(addMonths(month, -1))}>
          <LeftOutline aria-hidden />
        </Button>
        <h2 id="calendar-month" aria-live="polite">
          {formatMonth(month, i18n.language)}
        </h2>
        <Button fill="none" aria-label={t('list.calendar.next')} onClick={() => onMonth(addMonths(month, 1))}>
          <RightOutline aria-hidden />
        </Button>
      </div>
      {calendar.isPending && <LoadingState />}
      {calendar.isError && <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.data && (
        <>
          <MonthTable month={month} days={days} chosen={chosen} onChoose={setChosen} />
          {total === 0 && <p className="muted">{t('list.calendar.noneThisMonth')}</p>}
          {chosenDay && <DayList day={chosenDay} />}
        </>
      )}
    </section>
  );
}

interface MonthTableProps {
  month: string;
  days: Map<string, CityCalendarDay>;
  chosen: string | null;
  onChoose: (date: string) => void;
}

function MonthTable({ month, days, chosen, onChoose }: MonthTableProps) {
  const { t, i18n } = useTranslation();
  const weekdays = t('list.calendar.weekdays', { returnObjects: true }) as string[];
  const today = shanghaiDate();
  return (
    <table className="month-table">
      <caption className="visually-hidden">{formatMonth(month, i18n.language)}</caption>
      <thead>
        <tr>
          {weekdays.map((weekday) => (
            <th key={weekday} scope="col">
              {weekday}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((date, i) => {
              if (!date) return <td key={`pad-${i}`} />;
              const day = days.get(date);
              const count = day?.count ?? 0;
              const classes = ['day', day?.workingDay === false ? 'day-off' : '', date === today ? 'day-today' : '', date === chosen ? 'day-chosen' : ''];
              const label = `${formatDate(date, i18n.language)}${day?.workingDay === false ? `, ${t('list.calendar.restDay')}` : ''}, ${t('list.calendar.count', { count })}`;
              return (
                <td key={date} className={classes.join(' ')}>
                  {/* The short figures are for the eye; the full date and count are for screen readers. */}
                  {count > 0 ? (
                    <button type="button" aria-pressed={date === chosen} onClick={() => onChoose(date)}>
                      <span aria-hidden>{Number(date.slice(8))}</span>
                      <span className="day-count" aria-hidden>
                        {count}
                      </span>
                      <span className="visually-hidden">{label}</span>
                    </button>
                  ) : (
                    <span>
                      <span aria-hidden>{Number(date.slice(8))}</span>
                      <span className="visually-hidden">{label}</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayList({ day }: { day: CityCalendarDay }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  return (
    <div className="day-list" aria-live="polite">
      <h3>{t('list.calendar.dayHeading', { date: formatDate(day.date, i18n.language) })}</h3>
      <ul className="card-list">
        {day.openDays.map((entry) => (
          <li key={entry.id}>
            <Link className="card" to={`/open-days/${entry.id}`}>
              <strong>{entry.title}</strong>
              <span className="muted">
                {' '}
                · {agencyName(agencies.data, entry.agencyId)}
                {entry.startsAt && ` · ${entry.startsAt}${entry.endsAt ? `–${entry.endsAt}` : ''}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
