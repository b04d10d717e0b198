import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateRange } from '../dates';
import { PlacesLine } from '../PlacesLine';
import { placesOfOpenDay, registrationState } from '../registration';
import { RegistrationTag } from '../RegistrationTag';
import type { PublicOpenDay } from '../views';

export function OpenDayCard({ openDay, agency, now }: { openDay: PublicOpenDay; agency: string; now: number }) {
  const { t, i18n } = useTranslation();
  const sessionTimes = openDay.sessions.length === 1 ? ` ${openDay.sessions[0].startsAt}–${openDay.sessions[0].endsAt}` : '';
  return (
    <li>
      <Link className="card open-day-card" to={`/open-days/${openDay.id}`}>
        <h2 className="card-title">{openDay.title}</h2>
        <p className="muted">{agency}</p>
        <p>
          <time dateTime={openDay.date}>{dateRange(openDay.date, openDay.endDate, i18n.language)}</time>
          {sessionTimes}
          {openDay.sessions.length > 1 && <span className="muted"> · {t('list.sessions', { count: openDay.sessions.length })}</span>}
        </p>
        <div className="tags">
          <RegistrationTag state={registrationState(openDay, now)} />
          {openDay.forms.map((form) => (
            <Tag key={form} color="primary" fill="outline">
              {t(`common.forms.${form}`)}
            </Tag>
          ))}
        </div>
        <p className="muted">
          <PlacesLine places={placesOfOpenDay(openDay)} />
        </p>
      </Link>
    </li>
  );
}
