import { useEffect, useState } from 'react';
import { Button, NoticeBar, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { shouldRetry } from '../../app/query-client';
import { ErrorState } from '../../ui/ErrorState';
import { accountApi } from '../api/account-api';
import { keys } from '../api/queries';
import type { TicketView } from '../api/views';
import { shanghaiDateTime } from '../format';
import { AccountPage, Section } from '../ui/AccountPage';
import { keepTicketPageOffline } from './register-service-worker';
import { readTicketCopy, saveTicketCopy } from './ticket-copy';

const isNetworkFailure = (error: unknown) => error instanceof ApiError && error.problem.status === 0;

/**
 * The admission ticket. Each time it loads it is kept on the device, so at the
 * door, without a network, the last copy still shows (and says from when).
 */
export default function TicketPage() {
  const { ticketId = '' } = useParams();
  const { t } = useTranslation();
  const ticket = useQuery({
    queryKey: keys.ticket(ticketId),
    queryFn: async () => {
      const fresh = await accountApi.ticket(ticketId);
      saveTicketCopy(localStorage, fresh, new Date());
      return fresh;
    },
    // Offline, react-query would wait for the network forever: try, fail, and show the copy.
    networkMode: 'always',
    retry: (count, error) => !isNetworkFailure(error) && shouldRetry(count, error),
  });
  const shellKept = useShellKept();

  const copy = ticket.error && isNetworkFailure(ticket.error) ? readTicketCopy(localStorage, ticketId) : null;
  const shown = ticket.data ?? copy?.ticket;
  const failure = ticket.error && !copy ? ticket.error : null;
  return (
    <AccountPage title={t('account.ticket.title')} back loading={shown || failure ? [] : [ticket]}>
      {copy && (
        <NoticeBar className="acc-no-print" color="alert" wrap content={t('account.ticket.offline', { when: shanghaiDateTime(copy.savedAt) })} />
      )}
      {failure && isNetworkFailure(failure) ? (
        <p className="acc-notice acc-notice-error" role="alert">
          {t('account.ticket.offlineNoCopy')}
        </p>
      ) : failure ? (
        <ErrorState error={failure} onRetry={() => void ticket.refetch()} />
      ) : null}
      {shown && <Ticket ticket={shown} />}
      {/* Said only when it is true: the data and the page itself are both kept on the device. */}
      {ticket.data && shellKept && (
        <p className="acc-muted acc-no-print" role="status">
          {t('account.ticket.savedOffline')}
        </p>
      )}
    </AccountPage>
  );
}

/** Whether the service worker has kept the page's own files, so it reloads without a network. */
function useShellKept(): boolean {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    let current = true;
    void keepTicketPageOffline().then((result) => current && setKept(result));
    return () => {
      current = false;
    };
  }, []);
  return kept;
}

function Ticket({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const usable = ticket.status === 'issued' || ticket.status === 'checked-in';
  return (
    <article className="acc-ticket" aria-labelledby="ticket-title">
      <h2 className="acc-ticket-title" id="ticket-title">
        {ticket.title}
      </h2>
      <p>
        <Tag color={usable ? 'success' : 'danger'} fill="outline">
          {t(`account.tickets.status.${ticket.status}`)}
        </Tag>
        {ticket.promoted && <span className="acc-muted"> {t('account.ticket.promoted')}</span>}
      </p>
      {ticket.status === 'revoked' && (
        <p className="acc-notice acc-notice-error" role="alert">
          {t('account.ticket.revoked', { reason: t(`account.timeline.revocation.${ticket.revocationReason ?? 'unknown'}`) })}
        </p>
      )}
      {ticket.status === 'no-show' && <p className="acc-notice">{t('account.ticket.noShow')}</p>}
      {ticket.checkedInAt && <p className="acc-notice">{t('account.ticket.checkedInAt', { when: shanghaiDateTime(ticket.checkedInAt) })}</p>}

      {usable && <CheckIn ticket={ticket} />}

      <dl className="acc-facts-list">
        <dt>{t('account.ticket.holder')}</dt>
        <dd>{ticket.maskedName}</dd>
        <dt>{t('account.ticket.session')}</dt>
        <dd>{t('account.ticket.sessionValue', { date: ticket.date, start: ticket.startsAt, end: ticket.endsAt })}</dd>
        <dt>{t('account.ticket.assemblyPoint')}</dt>
        <dd>{ticket.assemblyPoint}</dd>
        {ticket.transport && (
          <>
            <dt>{t('account.ticket.transport')}</dt>
            <dd>{ticket.transport}</dd>
          </>
        )}
      </dl>

      {ticket.venues.length > 0 && (
        <Section title={t('account.ticket.venues')}>
          <ul className="acc-plain-list">
            {ticket.venues.map((venue) => (
              <li key={venue.name}>
                <strong>{venue.name}</strong> · {venue.address}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {ticket.agenda.length > 0 && (
        <Section title={t('account.ticket.agenda')}>
          <ol className="acc-plain-list">
            {ticket.agenda.map((item) => (
              <li key={item.startsAt + item.activity}>
                <span className="acc-agenda-time">
                  {item.startsAt}–{item.endsAt}
                </span>{' '}
                {item.activity}
                {item.venue && <span className="acc-muted"> · {item.venue}</span>}
              </li>
            ))}
          </ol>
        </Section>
      )}
      {ticket.notices.length > 0 && (
        <Section title={t('account.ticket.notices')}>
          <ul className="acc-plain-list">
            {ticket.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </Section>
      )}

      <div className="acc-actions acc-no-print">
        <Button block onClick={() => window.print()}>
          {t('account.ticket.print')}
        </Button>
        {ticket.status === 'checked-in' && (
          <>
            <Link className="acc-link-button acc-link-button-primary" to={`/me/open-days/${ticket.openDayId}/opinion`}>
              {t('account.ticket.feedback')}
            </Link>
            <Link className="acc-link-button" to={`/me/open-days/${ticket.openDayId}/survey`}>
              {t('account.ticket.survey')}
            </Link>
          </>
        )}
      </div>
    </article>
  );
}

function CheckIn({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  return (
    <section className="acc-check-in" aria-label={t('account.ticket.checkInCode')}>
      <QRCodeSVG
        value={ticket.qrPayload}
        size={200}
        level="M"
        marginSize={2}
        role="img"
        aria-label={t('account.ticket.qrLabel', { code: ticket.checkInCode })}
        title={t('account.ticket.qr')}
        className="acc-qr"
      />
      <p className="acc-label">{t('account.ticket.checkInCode')}</p>
      <p className="acc-code" aria-label={`${t('account.ticket.checkInCode')} ${ticket.checkInCode.split('').join(' ')}`}>
        {ticket.checkInCode}
      </p>
      <p className="acc-muted">{t('account.ticket.showAtDoor')}</p>
    </section>
  );
}
