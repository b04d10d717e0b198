import { Dialog } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { forgetTicketCopies } from '../ticket/ticket-copy';
import { AccountPage } from '../ui/AccountPage';

const LINKS = [
  { to: '/me/applications', label: 'account.nav.applications' },
  { to: '/me/tickets', label: 'account.nav.tickets' },
  { to: '/me/messages', label: 'account.nav.messages' },
  { to: '/me/feedback', label: 'account.nav.feedback' },
  { to: '/me/data', label: 'account.nav.myData' },
] as const;

/** 我的: the signed-in citizen's pages, and signing out (which also forgets the offline tickets). */
export default function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const signOut = async () => {
    const sure = await Dialog.confirm({ 'aria-label': t('account.nav.signOut'), content: t('account.nav.signOutConfirm'), confirmText: t('account.nav.signOut'), cancelText: t('account.common.cancel') });
    if (!sure) return;
    forgetTicketCopies(localStorage);
    queryClient.removeQueries({ queryKey: ['account'] });
    await session.signOut();
    navigate('/', { replace: true });
  };
  return (
    <AccountPage title={t('account.me.title')}>
      <p className="acc-greeting">
        {t('account.me.greeting')}
        {session.mobileMasked && <span className="acc-muted"> · {t('account.me.mobile', { mobile: session.mobileMasked })}</span>}
      </p>
      {/* Real links (antd-mobile's List.Item is an <a> without href: no keyboard, no link role). */}
      <nav aria-labelledby="me-links">
        <h2 className="acc-section-title acc-me-heading" id="me-links">
          {t('account.me.links')}
        </h2>
        <ul className="acc-link-list">
          {LINKS.map((link) => (
            <li key={link.to}>
              <Link to={link.to}>
                <span>{t(link.label)}</span>
                <RightOutline aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="acc-actions">
        <button type="button" className="acc-link-button acc-danger" onClick={() => void signOut()}>
          {t('account.nav.signOut')}
        </button>
      </div>
    </AccountPage>
  );
}
