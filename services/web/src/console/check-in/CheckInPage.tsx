import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { shanghaiDate, shanghaiTime } from '../../time/shanghai';
import { useNow } from '../../time/useNow';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { readCredential, readLast4 } from './credential';
import { defaultDoorSession, doorSessions, sessionKey, type DoorSession } from './door-sessions';
import { refusalOf, refusalWords } from './refusal';
import { RosterPanel } from './RosterPanel';

const QrScanner = lazy(() => import('./QrScanner'));

type AttendanceEntry = components['schemas']['AttendanceEntryDto'];
type Outcome = { kind: 'admitted'; entry: AttendanceEntry } | { kind: 'refused'; message: string };

/** Check-in at the door, made for a tablet: pick the session, type or scan the code, check the ID's last 4. */
export default function CheckInPage() {
  const { t } = useTranslation();
  const plans = useQuery({
    queryKey: ['console', 'plans', 'published'],
    queryFn: async () =>
      (await allPages((cursor) => unwrap(consoleApi.GET('/api/v1/plans', { params: { query: { status: 'published', limit: 100, ...(cursor ? { cursor } : {}) } } })))).items,
  });
  const now = useNow(60_000);
  const today = shanghaiDate(now);
  const sessions = useMemo(() => doorSessions(plans.data ?? [], today), [plans.data, today]);
  const [params, setParams] = useSearchParams();
  const chosenKey = params.get('session');
  const session = sessions.find((s) => sessionKey(s) === chosenKey) ?? defaultDoorSession(sessions, today, shanghaiTime(now));

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.checkIn.title')}
      </Typography.Title>
      {plans.isSuccess && chosenKey && !sessions.some((s) => sessionKey(s) === chosenKey) && (
        <Alert type="warning" showIcon title={t('console.checkIn.sessionNotYours')} style={{ marginBottom: '1rem' }} />
      )}
      {plans.isPending ? (
        <ConsoleLoading />
      ) : plans.isError ? (
        <ConsoleError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : sessions.length === 0 || !session ? (
        <ConsoleEmpty title={t('console.checkIn.noSessions')} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <label htmlFor="checkin-session" className="console-label">
              {t('console.checkIn.session')}
            </label>
            <Select
              id="checkin-session"
              size="large"
              style={{ width: '100%', marginTop: '0.25rem' }}
              value={sessionKey(session)}
              onChange={(value: string) => setParams({ session: value }, { replace: true })}
              options={sessions.map((s) => ({ value: sessionKey(s), label: sessionLabel(s, t('console.checkIn.today'), today) }))}
            />
          </div>
          <div className="console-checkin-grid">
            <CheckInForm key={sessionKey(session)} session={session} />
            <RosterPanel session={session} />
          </div>
        </Space>
      )}
    </>
  );
}

function sessionLabel(s: DoorSession, todayWord: string, today: string): string {
  return `${s.date === today ? `${todayWord} ` : ''}${s.date} ${s.startsAt}–${s.endsAt} · ${s.title}`;
}

function CheckInForm({ session }: { session: DoorSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [last4, setLast4] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const last4Input = useRef<HTMLInputElement>(null);

  const credential = readCredential(code);
  const idLast4 = readLast4(last4);
  const codeError = showErrors && 'problem' in credential ? t(`console.checkIn.codeProblem.${credential.problem}`) : undefined;
  const last4Error = showErrors && 'problem' in idLast4 ? t(`console.checkIn.last4Problem.${idLast4.problem}`) : undefined;

  const checkIn = useMutation({
    mutationFn: (body: components['schemas']['CheckInDoc']) =>
      unwrap(consoleApi.POST('/api/v1/open-days/{id}/check-ins', { params: { path: { id: session.openDayId } }, body })),
    onSuccess: (entry) => {
      setOutcome({ kind: 'admitted', entry });
      setCode('');
      setLast4('');
      setShowErrors(false);
      codeInput.current?.focus();
    },
    onError: (error) => {
      const problem = problemOf(error);
      const words = refusalWords(refusalOf(problem));
      setOutcome({ kind: 'refused', message: words ? t(`console.checkIn.refusal.${words.key}`, words.values) : problemMessage(problem, t) });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['console', 'roster', session.openDayId, session.sessionId] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    // A refusal shown for the last code must not stand beside a typo in the next one.
    if ('problem' in credential || 'problem' in idLast4) setOutcome(null);
    if ('problem' in credential) return codeInput.current?.focus();
    if ('problem' in idLast4) return last4Input.current?.focus();
    checkIn.mutate({ ...credential.credential, idLast4: idLast4.idLast4 });
  };

  const scanned = (text: string) => {
    setCode(text.trim());
    setScanning(false);
    setOutcome(null);
    last4Input.current?.focus();
  };

  return (
    <Card title={<h2 className="console-card-title">{t('console.checkIn.formTitle')}</h2>}>
      <form onSubmit={submit} noValidate aria-label={t('console.checkIn.formTitle')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <label htmlFor="checkin-code" className="console-label">
              {t('console.checkIn.code')}
            </label>
            <Input
              id="checkin-code"
              ref={(element) => {
                codeInput.current = element?.input ?? null;
              }}
              className="console-checkin-code"
              size="large"
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              onChange={(event) => setCode(event.target.value)}
              status={codeError ? 'error' : undefined}
              aria-invalid={codeError ? true : undefined}
              aria-describedby="checkin-code-hint"
            />
            <p id="checkin-code-hint" className={codeError ? 'console-field-error' : 'console-hint'}>
              {codeError ?? (code.trim().toUpperCase().startsWith('OPENDAY-TICKET:') ? t('console.checkIn.scannedHint') : t('console.checkIn.codeHint'))}
            </p>
            {scanning ? (
              <Suspense fallback={<ConsoleLoading label={t('console.checkIn.camera.loading')} />}>
                <QrScanner onScan={scanned} onClose={() => setScanning(false)} />
              </Suspense>
            ) : (
              <Button onClick={() => setScanning(true)}>{t('console.checkIn.camera.open')}</Button>
            )}
          </div>
          <div>
            <label htmlFor="checkin-last4" className="console-label">
              {t('console.checkIn.last4')}
            </label>
            <Input
              id="checkin-last4"
              ref={(element) => {
                last4Input.current = element?.input ?? null;
              }}
              size="large"
              className="console-checkin-code"
              style={{ maxWidth: '12rem' }}
              value={last4}
              maxLength={4}
              autoComplete="off"
              inputMode="text"
              onChange={(event) => setLast4(event.target.value)}
              status={last4Error ? 'error' : undefined}
              aria-invalid={last4Error ? true : undefined}
              aria-describedby="checkin-last4-hint"
            />
            <p id="checkin-last4-hint" className={last4Error ? 'console-field-error' : 'console-hint'}>
              {last4Error ?? t('console.checkIn.last4Hint')}
            </p>
          </div>
          {/* Disabled rather than antd's loading: at the door answers come in tens of milliseconds, and a
              loading state flipped that fast can stay drawn (and named "loading") after the answer. */}
          <Button type="primary" htmlType="submit" size="large" disabled={checkIn.isPending} block>
            {t('console.checkIn.submit')}
          </Button>
          <div aria-live="polite">
            {outcome?.kind === 'admitted' && (
              <Alert
                type="success"
                showIcon
                title={t('console.checkIn.admitted', { name: outcome.entry.maskedName })}
                description={t('console.checkIn.admittedDetail', {
                  id: outcome.entry.maskedIdNumber,
                  at: outcome.entry.checkedInAt ? shanghaiTime(outcome.entry.checkedInAt) : '',
                })}
              />
            )}
            {outcome?.kind === 'refused' && <Alert type="error" showIcon role="alert" title={t('console.checkIn.refused')} description={outcome.message} />}
          </div>
        </Space>
      </form>
    </Card>
  );
}
