import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { useTickets } from '../api/queries';
import { AccountPage } from '../ui/AccountPage';

export default function TicketsPage() {
  const { t } = useTranslation();
  const tickets = useTickets();
  const items = tickets.data ?? [];
  return (
    <AccountPage title={t('account.tickets.title')} back="/me" loading={[tickets]}>
      {items.length === 0 ? (
        <EmptyState title={t('account.tickets.empty')} hint={t('account.tickets.emptyHint')} />
      ) : (
        <ul className="acc-cards" aria-label={t('account.tickets.title')}>
          {items.map((ticket) => (
            <li key={ticket.ticketId} className="acc-card">
              <h2 className="acc-card-title">
                <Link to={`/me/tickets/${ticket.ticketId}`}>{ticket.title}</Link>
              </h2>
              <p className="acc-muted">{t('account.ticket.sessionValue', { date: ticket.date, start: ticket.startsAt, end: ticket.endsAt })}</p>
              <p className="acc-muted">
                {ticket.maskedName} · {ticket.assemblyPoint}
              </p>
              <Tag color={ticket.status === 'issued' || ticket.status === 'checked-in' ? 'success' : 'danger'} fill="outline">
                {t(`account.tickets.status.${ticket.status}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </AccountPage>
  );
}
