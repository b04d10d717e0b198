import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, fieldErrors, problemMessage, problemOf, unwrap, type Problem } from '../api/client';
import { useSession } from '../auth/session';
import { useNow } from '../time/useNow';
import { PageLayout } from '../ui/PageLayout';
import { maskMobile, mobileProblem, normalizedMobile } from '../validation/identity';
import { safeNextPath, secondsUntil } from './next-path';
import './sign-in.css';

const CODE = /^\d{6}$/;

/** `/sign-in?next=…`: mobile number and a texted code; the first sign-in creates the account. */
export default function SignInPage() {
  const { t } = useTranslation();
  const { signedIn, mobileMasked, signIn } = useSession();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParams()[0].get('next'));
  const now = useNow(1000);
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [resendAt, setResendAt] = useState(0);
  const [codeSent, setCodeSent] = useState(false);
  const [busy, setBusy] = useState<'code' | 'sign-in' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invalid, setInvalid] = useState<{ mobile?: string; code?: string }>({});
  const wait = secondsUntil(resendAt, now);

  const sendCode = async () => {
    const mobileError = mobileProblem(mobile) && t('signIn.invalidMobile');
    setInvalid({ mobile: mobileError || undefined });
    setProblem(null);
    if (mobileError) return;
    setBusy('code');
    try {
      const sent = await unwrap(api.POST('/api/v1/auth/citizen/sign-in-codes', { body: { mobile: normalizedMobile(mobile)! } }));
      setCodeSent(true);
      setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
    } catch (error) {
      const failed = problemOf(error);
      // The server says how long to wait (Retry-After); the button waits that long.
      if (failed.retryAfterSeconds !== undefined) setResendAt(Date.now() + failed.retryAfterSeconds * 1000);
      setProblem(failed);
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      mobile: mobileProblem(mobile) ? t('signIn.invalidMobile') : undefined,
      code: CODE.test(code.trim()) ? undefined : t('signIn.invalidCode'),
    };
    setInvalid(errors);
    setProblem(null);
    if (errors.mobile || errors.code) return;
    setBusy('sign-in');
    try {
      const number = normalizedMobile(mobile)!;
      const tokens = await unwrap(api.POST('/api/v1/auth/citizen/sign-in', { body: { mobile: number, code: code.trim() } }));
      signIn({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, mobileMasked: maskMobile(number) });
      navigate(next, { replace: true });
    } catch (error) {
      const failed = problemOf(error);
      setInvalid(fieldErrors(failed, t));
      setProblem(failed);
    } finally {
      setBusy(null);
    }
  };

  if (signedIn) {
    return (
      <PageLayout title={t('signIn.title')} back>
        <div className="section">
          <p>{t('signIn.signedInAs', { mobile: mobileMasked ?? '' })}</p>
          <Link className="button-link" to={next}>
            {next === '/' ? t('notFound.home') : t('common.back')}
          </Link>
        </div>
      </PageLayout>
    );
  }

  return (
    <PageLayout title={t('signIn.title')} back>
      <form className="section sign-in-form" onSubmit={submit} noValidate>
        <p className="muted">{t('signIn.intro')}</p>
        <Field id="sign-in-mobile" label={t('signIn.mobile')} error={invalid.mobile}>
          <input
            id="sign-in-mobile"
            className="text-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            placeholder={t('signIn.mobilePlaceholder')}
            maxLength={20}
            value={mobile}
            onChange={(event) => setMobile(event.target.value)}
            aria-invalid={Boolean(invalid.mobile)}
            aria-describedby={invalid.mobile ? 'sign-in-mobile-error' : undefined}
          />
        </Field>
        <Field id="sign-in-code" label={t('signIn.code')} error={invalid.code}>
          <div className="code-row">
            <input
              id="sign-in-code"
              className="text-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              placeholder={t('signIn.codePlaceholder')}
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              aria-invalid={Boolean(invalid.code)}
              aria-describedby={invalid.code ? 'sign-in-code-error' : undefined}
            />
            <Button type="button" color="primary" fill="outline" disabled={wait > 0} loading={busy === 'code'} onClick={() => void sendCode()}>
              {wait > 0 ? t('signIn.resendIn', { seconds: wait }) : t('signIn.sendCode')}
            </Button>
          </div>
        </Field>
        <div aria-live="polite">
          {codeSent && !problem && <p className="banner banner-success">{t('signIn.codeSent')}</p>}
          {problem && (
            <p className="banner banner-danger" role="alert">
              {problemMessage(problem, t)}
            </p>
          )}
        </div>
        <Button block type="submit" color="primary" size="large" loading={busy === 'sign-in'}>
          {t('signIn.submit')}
        </Button>
      </form>
    </PageLayout>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
