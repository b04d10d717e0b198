import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemMessage, problemOf } from '../../api/client';
import { useSession } from '../../auth/session';
import { currentLanguage } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { forgetTicketCopies } from '../ticket/ticket-copy';
import { shanghaiDate, shanghaiDateTime } from '../format';
import { AccountPage, Section } from '../ui/AccountPage';
import { personalDataApi } from './personal-data-api';

type ErasureAnswer = Awaited<ReturnType<typeof personalDataApi.erase>>;
type AccessEntry = Awaited<ReturnType<typeof personalDataApi.access>>['items'][number];

/**
 * 我的数据 / My data: download everything the platform holds about me (JSON), see which
 * agency read my data and when, and erase my account, confirmed with my mobile's last 4 digits.
 */
export default function MyDataPage() {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<ErasureAnswer | null>(null);
  if (answer) return <ErasedPage answer={answer} />;
  return (
    <AccountPage title={t('account.myData.title')} back="/me">
      <div className="acc-data">
        <p className="acc-greeting acc-muted">{t('account.myData.intro')}</p>
        <DownloadSection />
        <AccessSection />
        <EraseSection onErased={setAnswer} />
      </div>
    </AccountPage>
  );
}

function DownloadSection() {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => personalDataApi.download(shanghaiDate(new Date())),
    onSuccess: ({ blob, filename }) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <Section title={t('account.myData.download.title')}>
      <div className="acc-card acc-data-card">
        <p>{t('account.myData.download.what')}</p>
        <Button block color="primary" loading={download.isPending} onClick={() => download.mutate()}>
          {t('account.myData.download.button')}
        </Button>
        <p className="acc-muted" role="status">
          {download.isSuccess ? t('account.myData.download.done') : ''}
        </p>
        {download.error && <p className="acc-error">{problemMessage(problemOf(download.error), t)}</p>}
      </div>
    </Section>
  );
}

function AccessSection() {
  const { t } = useTranslation();
  const access = useQuery({ queryKey: ['account', 'personal-data', 'access'], queryFn: personalDataApi.access });
  const items = access.data?.items ?? [];
  return (
    <Section title={t('account.myData.access.title')}>
      <p className="acc-muted acc-data-hint">{t('account.myData.access.hint')}</p>
      {access.isPending ? (
        <p className="acc-muted acc-data-hint">{t('account.myData.access.loading')}</p>
      ) : access.error ? (
        <p className="acc-error acc-data-hint">{problemMessage(problemOf(access.error), t)}</p>
      ) : items.length === 0 ? (
        <EmptyState title={t('account.myData.access.empty')} />
      ) : (
        <ul className="acc-cards" aria-label={t('account.myData.access.title')}>
          {items.map((item, index) => (
            <li key={`${item.readAt}-${index}`}>
              <AccessCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function AccessCard({ item }: { item: AccessEntry }) {
  const { t } = useTranslation();
  return (
    <article className="acc-card">
      <h3 className="acc-card-title">{item.agencyName ?? item.agencyId ?? t('account.myData.access.unknownAgency')}</h3>
      <p className="acc-data-what">{t(`account.myData.lists.${item.list}`)}</p>
      {item.openDayTitle && <p className="acc-muted">{item.openDayTitle}</p>}
      <p className="acc-muted">
        <time dateTime={item.readAt}>{shanghaiDateTime(item.readAt)}</time> · {t('account.myData.access.people', { count: item.people })}
      </p>
    </article>
  );
}

function EraseSection({ onErased }: { onErased: (answer: ErasureAnswer) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [digits, setDigits] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const erase = useMutation({
    mutationFn: () => personalDataApi.erase(digits),
    onSuccess: (answer) => {
      setOpen(false);
      forgetTicketCopies(localStorage);
      queryClient.removeQueries({ queryKey: ['account'] });
      onErased(answer);
    },
    onError: (error) => {
      const found = problemOf(error);
      const mismatch = found.errors?.some((e) => e.rule === 'matchesAccountMobile');
      setProblem(mismatch ? t('account.myData.erase.mismatch') : problemMessage(found, t));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[0-9]{4}$/.test(digits)) {
      setProblem(t('account.myData.erase.fourDigits'));
      return;
    }
    setProblem(null);
    erase.mutate();
  };
  return (
    <Section title={t('account.myData.erase.title')}>
      <div className="acc-card acc-data-card">
        <p>{t('account.myData.erase.what')}</p>
        <p>{t('account.myData.erase.kept')}</p>
        <button type="button" className="acc-link-button acc-danger" onClick={() => setOpen(true)}>
          {t('account.myData.erase.button')}
        </button>
      </div>
      <Dialog
        visible={open}
        aria-label={t('account.myData.erase.confirmTitle')}
        onClose={() => setOpen(false)}
        title={t('account.myData.erase.confirmTitle')}
        content={
          <form id="erase-form" className="acc-field" onSubmit={submit} noValidate>
            <p>{t('account.myData.erase.confirmText')}</p>
            <label className="acc-label" htmlFor={inputId}>
              {t('account.myData.erase.lastFour')}
            </label>
            <input
              id={inputId}
              className="acc-input"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={digits}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${inputId}-problem` : undefined}
              onChange={(event) => setDigits(event.target.value.replace(/\D/g, ''))}
            />
            {problem && (
              <p className="acc-error" id={`${inputId}-problem`} role="alert">
                {problem}
              </p>
            )}
          </form>
        }
        actions={[
          [
            { key: 'cancel', text: t('account.common.cancel'), onClick: () => setOpen(false) },
            {
              key: 'erase',
              text: t('account.myData.erase.confirmButton'),
              danger: true,
              bold: true,
              disabled: erase.isPending,
              onClick: () => (document.getElementById('erase-form') as HTMLFormElement | null)?.requestSubmit(),
            },
          ],
        ]}
      />
    </Section>
  );
}

/** After the erasure: the gateway's answer in the reader's language; leaving signs out (the account is gone). */
function ErasedPage({ answer }: { answer: ErasureAnswer }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const leave = async () => {
    await session.signOut();
    navigate('/', { replace: true });
  };
  const words = currentLanguage() === 'en' ? answer.words.en : answer.words.zh;
  return (
    <AccountPage title={t('account.myData.erased.title')}>
      <section className="acc-section acc-card acc-data-erased" aria-label={t('account.myData.erased.title')} role="status">
        {words.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <div className="acc-actions">
        <button type="button" className="acc-link-button acc-link-button-primary" onClick={() => void leave()}>
          {t('account.myData.erased.home')}
        </button>
      </div>
    </AccountPage>
  );
}
