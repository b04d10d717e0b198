import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth } from '../../time/shanghai';
import { DAY_KINDS, type DayKind, type GlanceDay, type YearAtAGlance } from './year-at-a-glance';
import './calendar.css';

// Monday first: 2024-01-01 was a Monday, so its week names the columns in the reader's language.
const MONDAY = Date.UTC(2024, 0, 1);

function weekdayNames(language: string): Array<{ short: string; long: string }> {
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  const short = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => ({ short: short.format(MONDAY + i * 86_400_000), long: long.format(MONDAY + i * 86_400_000) }));
}

/** The character printed on a day that is not what its weekday says (休 off, 班 worked), as Chinese calendars do. */
function markOf(kind: DayKind, t: (key: string) => string): string {
  if (kind === 'holiday') return t('console.calendar.marks.holiday');
  if (kind === 'adjusted') return t('console.calendar.marks.adjusted');
  return '';
}

/** What each colour means, in words: the colours alone never carry it. */
export function CalendarLegend({ counts }: { counts?: Record<DayKind, number> }) {
  const { t } = useTranslation();
  return (
    <ul className="cal-legend" aria-label={t('console.calendar.legend')}>
      {DAY_KINDS.map((kind) => (
        <li key={kind}>
          <span className={`cal-swatch cal-${kind}`} aria-hidden="true">
            {markOf(kind, t)}
          </span>
          {t(`console.calendar.kinds.${kind}`)}
          {counts && <span className="cal-count">{t('console.calendar.days', { count: counts[kind] })}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Twelve month grids. With `onPick`, a click on a day opens its correction (the correction form
 * takes the date typed too, so nothing here needs the mouse).
 */
export function YearGrid({ glance, onPick, label }: { glance: YearAtAGlance; onPick?: (date: string) => void; label: string }) {
  const { i18n } = useTranslation();
  const names = weekdayNames(i18n.language);
  return (
    <section className="cal-year" aria-label={label}>
      {glance.months.map((month) => (
        <table key={month.month} className="cal-month">
          <caption>{formatMonth(month.month, i18n.language)}</caption>
          <thead>
            <tr>
              {names.map((name, i) => (
                <th key={i} scope="col" abbr={name.long} className={i >= 5 ? 'cal-weekend-head' : undefined}>
                  {name.short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {month.weeks.map((week, w) => (
              <tr key={w}>
                {week.map((day, d) => (
                  <td key={d}>{day && <DayCell day={day} onPick={onPick} />}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function DayCell({ day, onPick }: { day: GlanceDay; onPick?: (date: string) => void }) {
  const { t, i18n } = useTranslation();
  const mark = markOf(day.kind, t);
  // The name starts with what the cell shows ("1休"), so speech input finds it by its visible text.
  const named = `${mark ? `${day.day}${mark} ` : ''}${formatDate(day.date, i18n.language)} ${t(`console.calendar.kinds.${day.kind}`)}`;
  const content = (
    <>
      <span aria-hidden="true">{day.day}</span>
      {mark && (
        <span className="cal-mark" aria-hidden="true">
          {mark}
        </span>
      )}
    </>
  );
  if (!onPick) {
    return (
      <span className={`cal-day cal-${day.kind}`} role="img" aria-label={named} data-date={day.date}>
        {content}
      </span>
    );
  }
  return (
    <button type="button" tabIndex={-1} className={`cal-day cal-${day.kind}`} aria-label={named} title={named} data-date={day.date} onClick={() => onPick(day.date)}>
      {content}
    </button>
  );
}
