import { useEffect, useRef, type ReactNode } from 'react';
import { AppOutline, LeftOutline, MessageOutline, UnorderedListOutline, UserOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { activeTab, TABS } from './tabs';

const ICONS = { home: AppOutline, list: UnorderedListOutline, message: MessageOutline, user: UserOutline };

// The first page of a visit keeps the browser's own focus; every later one moves it to its heading.
let pagesShown = 0;

export interface PageLayoutProps {
  title: string;
  /** Shows a back button: `true` goes back in history (or home when the page was opened from a link), a path goes there. */
  back?: boolean | string;
  /** Beside the title, e.g. a sign-in link. */
  actions?: ReactNode;
  /** Hide the tab bar, e.g. on a form that should not be left by accident. */
  hideTabs?: boolean;
  children: ReactNode;
}

/** Every page: a header with the title, the main content, and the bottom tab bar. */
export function PageLayout({ title, back, actions, hideTabs, children }: PageLayoutProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('common.appName')}`;
  }, [title, t]);
  useEffect(() => {
    // A screen reader hears the new page's title after a link changed the page without a reload.
    if (pagesShown++ > 0) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className={hideTabs ? 'page' : 'page page-with-tabs'}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="page-header">
        {back && <BackButton to={back} />}
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <div className="page-actions">
          {actions}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page-main" tabIndex={-1}>
        {children}
      </main>
      {!hideTabs && <TabBar />}
    </div>
  );
}

function BackButton({ to }: { to: true | string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goBack = () => {
    if (typeof to === 'string') navigate(to);
    // Opened straight from a WeChat article or a QR code there is no page to go back to.
    else if (window.history.state?.idx > 0) navigate(-1);
    else navigate('/');
  };
  return (
    <button type="button" className="back-button" onClick={goBack} aria-label={t('common.back')}>
      <LeftOutline aria-hidden />
    </button>
  );
}

function TabBar() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = activeTab(pathname);
  return (
    <nav className="tab-bar" aria-label={t('common.tabs.label')}>
      <ul>
        {TABS.map((tab) => {
          const Icon = ICONS[tab.icon];
          return (
            <li key={tab.key}>
              <Link to={tab.path} aria-current={tab.key === current ? 'page' : undefined}>
                <Icon aria-hidden className="tab-icon" />
                <span>{t(`common.tabs.${tab.key}`)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
