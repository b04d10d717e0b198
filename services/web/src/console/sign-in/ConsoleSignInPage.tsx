import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { setStaffSession } from '../api/staff-session';
import { useStaffSession } from '../api/use-staff-session';
import { ConsoleFrame } from '../shell/ConsoleFrame';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { consoleNextPath, isStaffRole } from '../shell/menu';

interface Credentials {
  username: string;
  password: string;
}

/** Staff sign in with their username and password (the accounts the agency admin keeps). */
export default function ConsoleSignInPage() {
  return (
    <ConsoleFrame>
      <SignInForm />
    </ConsoleFrame>
  );
}

function SignInForm() {
  const { t } = useTranslation();
  const session = useStaffSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = consoleNextPath(params.get('next'));

  if (session && isStaffRole(session.actor.role)) return <Navigate to={next} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const tokens = await unwrap(consoleApi.POST('/api/v1/auth/staff/sign-in', { body: { username: values.username.trim(), password: values.password } }));
      if (!isStaffRole(tokens.actor.role)) {
        setError(t('console.signIn.notStaff'));
        return;
      }
      queryClient.removeQueries({ queryKey: ['console'] });
      setStaffSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, username: values.username.trim(), actor: tokens.actor });
      navigate(next, { replace: true });
    } catch (caught) {
      setError(problemMessage(problemOf(caught), t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="console-sign-in" id="main">
      <Card className="console-sign-in-card">
        <Typography.Title level={1} className="console-page-title">
          {t('console.signIn.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('console.signIn.intro')}</Typography.Paragraph>
        <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item label={t('console.signIn.username')} name="username" rules={[{ required: true, whitespace: true, message: t('console.signIn.usernameRequired') }]}>
            <Input autoComplete="username" autoCapitalize="off" spellCheck={false} size="large" />
          </Form.Item>
          <Form.Item label={t('console.signIn.password')} name="password" rules={[{ required: true, message: t('console.signIn.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: '1rem' }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('console.signIn.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: '1rem' }}>
          <LanguageSwitch className="console-language" />
        </div>
      </Card>
    </main>
  );
}
