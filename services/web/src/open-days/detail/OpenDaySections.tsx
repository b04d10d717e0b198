import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../time/shanghai';
import { districtOptions } from '../list/district-options';
import { PlacesLine } from '../PlacesLine';
import { useAgencies } from '../queries';
import { placesOfSession } from '../registration';
import type { PublicOpenDay } from '../views';

export function SessionsSection({ openDay }: { openDay: PublicOpenDay }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('detail.sessions')}</h2>
      <ul className="plain-list">
        {openDay.sessions.map((session) => (
          <li key={session.sessionId} className="session">
            <h3>{t('detail.session', { date: formatDate(session.date, i18n.language), start: session.startsAt, end: session.endsAt })}</h3>
            <p className="muted">
              <PlacesLine places={placesOfSession(session, openDay.selectionMode)} />
            </p>
            {session.agenda.length > 0 && (
              <>
                <h4>{t('detail.agenda')}</h4>
                <ol className="agenda">
                  {session.agenda.map((item) => (
                    <li key={`${item.startsAt}-${item.activity}`}>
                      <span className="agenda-time">
                        {item.startsAt}–{item.endsAt}
                      </span>{' '}
                      {item.activity}
                      {item.venue && <span className="muted"> · {item.venue}</span>}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ItinerarySection({ openDay }: { openDay: PublicOpenDay }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="itinerary-heading">
      <h2 id="itinerary-heading">{t('detail.venues')}</h2>
      <dl className="facts">
        <dt>{t('detail.assemblyPoint')}</dt>
        <dd>{openDay.assemblyPoint}</dd>
        {openDay.transport && (
          <>
            <dt>{t('detail.transport')}</dt>
            <dd>{openDay.transport}</dd>
          </>
        )}
      </dl>
      {openDay.venues.length > 0 && (
        <ol className="venues">
          {openDay.venues.map((venue) => (
            <li key={`${venue.name}-${venue.address}`}>
              <strong>{venue.name}</strong>
              <br />
              <span className="muted">{venue.address}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function EligibilitySection({ openDay }: { openDay: PublicOpenDay }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const districtNames = new Map(districtOptions(agencies.data ?? []).map((option) => [option.value, option.label]));
  const { eligibility } = openDay;
  const share = openDay.minOrdinaryShare;
  return (
    <section className="section" aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t('detail.eligibility')}</h2>
      {eligibility && (
        <ul className="plain-list bullets">
          <li>
            {eligibility.maxAge === null
              ? t('detail.age', { min: eligibility.minAge })
              : t('detail.ageRange', { min: eligibility.minAge, max: eligibility.maxAge })}
          </li>
          <li>
            {eligibility.districts.length > 0
              ? t('detail.districts', { districts: eligibility.districts.map((code) => districtNames.get(code) ?? code).join('、') })
              : t('detail.wholeCity')}
          </li>
        </ul>
      )}
      {openDay.quotas.length > 0 && (
        <>
          <h3>{t('detail.quotas')}</h3>
          <div className="tags">
            {openDay.quotas.map((quota) => (
              <Tag key={quota.category} fill="outline">
                {t(`common.categories.${quota.category}`)} {quota.places}
              </Tag>
            ))}
          </div>
        </>
      )}
      {share !== null && share > 0 && <p>{t('detail.minOrdinaryShare', { percent: Math.round(share <= 1 ? share * 100 : share) })}</p>}
      {openDay.mediaOutsideQuota && <p>{t('detail.mediaOutsideQuota')}</p>}
    </section>
  );
}

export function NoticesSection({ notices }: { notices: string[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <section className="section" aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t('detail.notices')}</h2>
      <ul className="plain-list bullets">
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </section>
  );
}
