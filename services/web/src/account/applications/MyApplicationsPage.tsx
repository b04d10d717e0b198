import { Button, Dialog, Toast } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage, problemOf } from '../../api/client';
import { EmptyState } from '../../ui/EmptyState';
import { accountApi } from '../api/account-api';
import { keys, useApplications, useTickets } from '../api/queries';
import type { ApplicationView, TicketView } from '../api/views';
import { shanghaiDateTime } from '../format';
import { AccountPage } from '../ui/AccountPage';
import { canWithdraw, personState } from './application-state';
import { StateTag } from './StateTag';

export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const applications = useApplications();
  const tickets = useTickets();
  const items = applications.data ?? [];
  return (
    <AccountPage title={t('account.applications.title')} loading={[applications, tickets]}>
      {items.length === 0 ? (
        <EmptyState
          title={t('account.applications.empty')}
          hint={t('account.applications.emptyHint')}
          action={
            <Link className="acc-link-button acc-link-button-primary" to="/">
              {t('account.applications.browse')}
            </Link>
          }
        />
      ) : (
        <ul className="acc-cards" aria-label={t('account.applications.title')}>
          {items.map((application) => (
            <li key={application.id}>
              <ApplicationCard application={application} tickets={tickets.data ?? []} />
            </li>
          ))}
        </ul>
      )}
    </AccountPage>
  );
}

function ApplicationCard({ application, tickets }: { application: ApplicationView; tickets: readonly TicketView[] }) {
  const { t } = useTranslation();
  const several = application.people.length > 1;
  return (
    <article className="acc-card" aria-labelledby={`app-${application.id}`}>
      <h2 className="acc-card-title" id={`app-${application.id}`}>
        <Link to={`/me/applications/${application.id}`} aria-label={t('account.applications.open', { title: application.openDayTitle })}>
          {application.openDayTitle}
        </Link>
      </h2>
      <p className="acc-muted">{t('account.applications.session', { date: application.sessionDate })}</p>
      <p className="acc-muted">{t('account.applications.channel', { channel: t(`account.apply.channels.${application.channel}`) })}</p>
      <ul className="acc-people">
        {application.people.map((person) => (
          <li key={person.personId}>
            {several && <span className="acc-person">{person.name}</span>}
            <StateTag state={personState(application, person)} />
          </li>
        ))}
      </ul>
      <p className="acc-muted">{t('account.applications.submittedAt', { when: shanghaiDateTime(application.submittedAt) })}</p>
      <TicketLinks application={application} tickets={tickets} />
      {canWithdraw(application, tickets, new Date()) && <WithdrawButton application={application} />}
    </article>
  );
}

/** At the door, the ticket is one tap from the list: a link per valid ticket (named by person in a group). */
function TicketLinks({ application, tickets }: { application: ApplicationView; tickets: readonly TicketView[] }) {
  const { t } = useTranslation();
  const valid = tickets.filter((ticket) => ticket.applicationId === application.id && (ticket.status === 'issued' || ticket.status === 'checked-in'));
  if (valid.length === 0) return null;
  return (
    <ul className="acc-ticket-links">
      {valid.map((ticket) => (
        <li key={ticket.ticketId}>
          <Link to={`/me/tickets/${ticket.ticketId}`}>
            {t('account.timeline.openTicket')}
            {valid.length > 1 && ` · ${ticket.maskedName}`}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function WithdrawButton({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => accountApi.withdraw(application.id),
    onSuccess: async () => {
      Toast.show({ content: t('account.applications.withdrawn') });
      await queryClient.invalidateQueries({ queryKey: keys.mine });
    },
    onError: (error) => Dialog.alert({ 'aria-label': t('account.applications.withdrawTitle'), content: problemMessage(problemOf(error), t), confirmText: t('account.common.confirm') }),
  });
  const confirm = async () => {
    const sure = await Dialog.confirm({
      'aria-label': t('account.applications.withdrawTitle'),
      title: t('account.applications.withdrawTitle'),
      content: t('account.applications.withdrawBody', { title: application.openDayTitle }),
      confirmText: t('account.applications.withdrawConfirm'),
      cancelText: t('account.common.cancel'),
    });
    if (sure) withdraw.mutate();
  };
  return (
    <Button color="danger" fill="outline" size="small" loading={withdraw.isPending} onClick={confirm}>
      {t('account.applications.withdraw')}
    </Button>
  );
}
