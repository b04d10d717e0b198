import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAgencyNames } from '../api/agency-names';
import { consoleApi, unwrap } from '../api/console-client';
import { getStaffSession, setStaffSession } from '../api/staff-session';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleFrame } from './ConsoleFrame';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { isStaffRole, menuFor, pageAccess, selectedMenuKey } from './menu';

/** The desktop frame of every console page: who is signed in, the role's own menu, the page. */
export default function ConsoleShell() {
  const session = useStaffSession();
  const location = useLocation();
  if (!session || !isStaffRole(session.actor.role)) {
    const next = location.pathname + location.search;
    return <Navigate to={`/console/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <ConsoleFrame>
      <SignedInShell />
    </ConsoleFrame>
  );
}

function SignedInShell() {
  const { t } = useTranslation();
  const session = useStaffSession();
  const location = useLocation();
  const navigate = useNavigate();
  // The account as it is now: a role or agency changed since sign-in shows at once.
  const me = useQuery({ queryKey: ['console', 'me'], queryFn: () => unwrap(consoleApi.GET('/api/v1/auth/me')), staleTime: 60_000 });
  useEffect(() => {
    const current = getStaffSession();
    if (me.data && current && (me.data.role !== current.actor.role || me.data.agencyId !== current.actor.agencyId)) {
      setStaffSession({ ...current, actor: me.data });
    }
  }, [me.data]);

  const agencyName = useAgencyNames();
  if (!session) return null;
  // The city office is its own agency: its name is said once.
  const signedInAs = (username: string, role: string, agency: string) =>
    agency && agency !== role ? t('console.shell.signedInAs', { username, role, agency }) : t('console.shell.signedInWithoutAgency', { username, role });
  const entries = menuFor(session.actor.role);
  const signOut = async () => {
    const refreshToken = session.refreshToken;
    setStaffSession(null);
    await consoleApi.POST('/api/v1/auth/sign-out', { body: { refreshToken } }).catch(() => undefined);
    navigate('/console/sign-in', { replace: true });
  };

  return (
    <Layout className="console-layout">
      <Layout.Header className="console-header">
        <p className="console-brand">{t('console.shell.brand')}</p>
        <span className="console-who">
          {signedInAs(session.username, t(`console.roles.${session.actor.role}`), agencyName(session.actor.agencyId))}
        </span>
        <LanguageSwitch className="console-language" />
        <Button onClick={() => void signOut()}>{t('console.shell.signOut')}</Button>
      </Layout.Header>
      <Layout>
        <Layout.Sider className="console-sider" width={176}>
          <nav aria-label={t('console.shell.menu')}>
            <Menu
              mode="inline"
              selectedKeys={[selectedMenuKey(location.pathname, entries) ?? '']}
              items={entries.map((entry) => ({
                key: entry.key,
                label: <Link to={entry.path ? `/console/${entry.path}` : '/console'}>{t(`console.menu.${entry.key}`)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="console-content" id="main">
          {pageAccess(location.pathname, session.actor.role) === 'not-your-role' ? <NotYourRolePage /> : <Outlet />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Another role's page, reached by a shared or bookmarked link: refused in words, with the way home. */
function NotYourRolePage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.notYourRole.title')}
      </Typography.Title>
      <Result status="403" subTitle={t('console.notYourRole.hint')} extra={<Link to="/console">{t('console.notFound.home')}</Link>} />
    </>
  );
}
