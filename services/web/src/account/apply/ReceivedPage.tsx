import { Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useApplications, useOpenDay } from '../api/queries';
import type { ApplicationView } from '../api/views';
import { shanghaiDateTime } from '../format';
import { AccountPage } from '../ui/AccountPage';

/**
 * The honest confirmation: received, not selected; when selection happens and
 * how the answer comes. Reloaded, it finds the application in the citizen's list.
 */
export default function ReceivedPage() {
  const { id = '', applicationId = '' } = useParams();
  const { t } = useTranslation();
  const passed = (useLocation().state as { application?: ApplicationView } | null)?.application;
  const openDay = useOpenDay(id);
  const applications = useApplications();
  const application = passed ?? applications.data?.find((a) => a.id === applicationId);
  const closes = openDay.data?.registrationClosesAt;
  const mode = openDay.data?.selectionMode;
  return (
    <AccountPage title={t('account.received.title')} loading={passed ? [openDay] : [openDay, applications]}>
      <Result
        status="waiting"
        title={t('account.received.title')}
        description={
          <div className="acc-received">
            <p className="acc-strong">{t('account.received.notSelected')}</p>
            <p>
              {closes
                ? t('account.received.selectionAfter', { closes: shanghaiDateTime(closes), mode: mode ? t(`common.selectionModes.${mode}`) : '' })
                : t('account.received.selectionAfterNoDate')}
            </p>
            {application && <p>{t('account.received.people', { names: application.people.map((p) => p.name).join('、') })}</p>}
            <p className="acc-muted">{t('account.received.reference', { id: applicationId })}</p>
          </div>
        }
      />
      <div className="acc-actions">
        <Link className="acc-link-button acc-link-button-primary" to={application ? `/me/applications/${application.id}` : '/me/applications'}>
          {t('account.received.toApplications')}
        </Link>
        <Link className="acc-link-button" to="/">
          {t('account.received.toOpenDays')}
        </Link>
      </div>
    </AccountPage>
  );
}
