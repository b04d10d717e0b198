import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemOf } from '../../api/client';
import { formatDateTime } from '../../time/shanghai';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { PageLayout } from '../../ui/PageLayout';
import { dateRange } from '../dates';
import { agencyName, useAgencies, usePublicOpenDay } from '../queries';
import type { PublicOpenDay } from '../views';
import { AddToCalendarButton } from './AddToCalendarButton';
import { EligibilitySection, ItinerarySection, NoticesSection, SessionsSection } from './OpenDaySections';
import { RegistrationPanel } from './RegistrationPanel';
import './detail.css';

/** `/open-days/:id`: everything a citizen needs to decide and apply. */
export default function OpenDayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const openDay = usePublicOpenDay(id);
  if (openDay.isPending) {
    return (
      <PageLayout title={t('common.appName')} back>
        <LoadingState />
      </PageLayout>
    );
  }
  if (openDay.isError) {
    const notFound = problemOf(openDay.error).status === 404;
    return (
      <PageLayout title={t('common.appName')} back>
        {notFound ? (
          <div className="state" role="alert">
            <p className="state-title">{t('detail.notFound')}</p>
            <Link to="/">{t('notFound.home')}</Link>
          </div>
        ) : (
          <ErrorState error={openDay.error} onRetry={() => void openDay.refetch()} />
        )}
      </PageLayout>
    );
  }
  return <OpenDayDetail openDay={openDay.data} />;
}

function OpenDayDetail({ openDay }: { openDay: PublicOpenDay }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const agency = agencyName(agencies.data, openDay.agencyId);
  return (
    <PageLayout title={openDay.title} back>
      <ChangeBanners openDay={openDay} />
      <section className="section" aria-label={t('detail.agency')}>
        <p className="detail-agency">{agency}</p>
        <p>
          <time dateTime={openDay.date}>{dateRange(openDay.date, openDay.endDate, i18n.language)}</time>
        </p>
        {openDay.theme && (
          <p>
            <strong>
              {t('detail.theme')}
              {t('common.colon')}
            </strong>
            {openDay.theme}
          </p>
        )}
        <div className="tags">
          {openDay.forms.map((form) => (
            <Tag key={form} color="primary" fill="outline">
              {t(`common.forms.${form}`)}
            </Tag>
          ))}
        </div>
        <p className="muted small">{t('detail.shareHint')}</p>
      </section>
      {openDay.status !== 'cancelled' && <RegistrationPanel openDay={openDay} />}
      <SessionsSection openDay={openDay} />
      <ItinerarySection openDay={openDay} />
      <EligibilitySection openDay={openDay} />
      <NoticesSection notices={openDay.notices} />
      <div className="section button-stack">
        <AddToCalendarButton openDay={openDay} agency={agency} />
        <Link to={`/open-days/${openDay.id}/public-notice`}>{t('detail.publicNotice')}</Link>
      </div>
    </PageLayout>
  );
}

function ChangeBanners({ openDay }: { openDay: PublicOpenDay }) {
  const { t, i18n } = useTranslation();
  if (openDay.status === 'cancelled') {
    return (
      <div className="banner banner-danger" role="alert">
        <p>
          <strong>{t('detail.cancelled')}</strong>
        </p>
        {openDay.cancellationReason && <p>{t('detail.cancelledReason', { reason: openDay.cancellationReason })}</p>}
      </div>
    );
  }
  if (!openDay.changedAt) return null;
  return (
    <div className="banner banner-warning" role="status">
      <p>{t('detail.changed', { when: formatDateTime(openDay.changedAt, i18n.language) })}</p>
    </div>
  );
}
