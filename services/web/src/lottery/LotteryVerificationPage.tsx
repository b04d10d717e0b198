import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { usePublicOpenDay } from '../open-days/queries';
import { ErrorState } from '../ui/ErrorState';
import { PageLayout } from '../ui/PageLayout';
import { checkDraw, normalizedSeed, parseIdList } from './draw-check';
import './lottery.css';

type Verification = components['schemas']['LotteryVerificationDto'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `/lottery-verification?openDayId=&seed=&entries=&order=`: anyone re-runs a published draw
 * from its seed and entries and sees whether it gives the published order.
 */
export default function LotteryVerificationPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const [openDayId, setOpenDayId] = useState(search.get('openDayId') ?? '');
  const [seed, setSeed] = useState(search.get('seed') ?? '');
  const [entries, setEntries] = useState(parseIdList(search.get('entries') ?? '').join('\n'));
  const [published, setPublished] = useState(parseIdList(search.get('order') ?? '').join('\n'));
  const [invalid, setInvalid] = useState<{ seed?: string; entries?: string }>({});
  const openDay = usePublicOpenDay(openDayId.trim(), { enabled: UUID.test(openDayId.trim()) });
  const verify = useMutation({
    mutationFn: (body: { seed: string; entryIds: string[] }) => unwrap(api.POST('/api/v1/public/lottery-verifications', { body })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizedSeed(seed);
    // The published order is the full list of entries when only it was given.
    const entryIds = parseIdList(entries).length > 0 ? parseIdList(entries) : parseIdList(published);
    const errors = {
      seed: normalized ? undefined : t('lottery.invalidSeed'),
      entries: entryIds.length > 0 ? undefined : t('lottery.invalidEntries'),
    };
    setInvalid(errors);
    if (normalized && entryIds.length > 0) verify.mutate({ seed: normalized, entryIds });
  };

  return (
    <PageLayout title={t('lottery.title')} back>
      <form className="section" onSubmit={submit} noValidate>
        <p className="muted">{t('lottery.intro')}</p>
        <TextField id="lottery-open-day" label={t('lottery.openDay')}>
          <input id="lottery-open-day" className="text-input" value={openDayId} onChange={(event) => setOpenDayId(event.target.value)} />
        </TextField>
        {openDay.data && (
          <p>
            <Link to={`/open-days/${openDay.data.id}/public-notice`}>{openDay.data.title}</Link>
          </p>
        )}
        <TextField id="lottery-seed" label={t('lottery.seed')} hint={t('lottery.seedHint')} error={invalid.seed}>
          <input
            id="lottery-seed"
            className="text-input mono"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
            aria-invalid={Boolean(invalid.seed)}
            aria-describedby="lottery-seed-hint"
          />
        </TextField>
        <TextField id="lottery-entries" label={t('lottery.entries')} hint={t('lottery.entriesHint')} error={invalid.entries}>
          <textarea
            id="lottery-entries"
            className="text-input"
            spellCheck={false}
            value={entries}
            onChange={(event) => setEntries(event.target.value)}
            aria-invalid={Boolean(invalid.entries)}
            aria-describedby="lottery-entries-hint"
          />
        </TextField>
        <TextField id="lottery-published" label={t('lottery.published')} hint={t('lottery.publishedHint')}>
          <textarea
            id="lottery-published"
            className="text-input"
            spellCheck={false}
            value={published}
            onChange={(event) => setPublished(event.target.value)}
            aria-describedby="lottery-published-hint"
          />
        </TextField>
        <Button block type="submit" color="primary" size="large" loading={verify.isPending}>
          {t('lottery.run')}
        </Button>
      </form>
      {verify.isError && <ErrorState error={verify.error} />}
      {verify.data && <VerificationResult result={verify.data} published={parseIdList(published)} />}
    </PageLayout>
  );
}

function VerificationResult({ result, published }: { result: Verification; published: string[] }) {
  const { t } = useTranslation();
  const check = checkDraw(published, result.drawnOrder);
  const tickets = new Map(result.tickets.map((ticket) => [ticket.entryId, ticket.ticket]));
  const verdicts = {
    matches: { className: 'banner banner-success', text: t('lottery.matches') },
    differs: { className: 'banner banner-danger', text: t('lottery.doesNotMatch') },
    'no-published': { className: 'banner banner-warning', text: t('lottery.noPublished') },
  } as const;
  const verdict = verdicts[check.outcome];
  return (
    <section className="section" aria-labelledby="lottery-result">
      <h2 id="lottery-result">{t('lottery.result')}</h2>
      <p className={verdict.className} role="status">
        <strong>{verdict.text}</strong>
      </p>
      <p className="muted">{t('lottery.algorithm', { algorithm: result.algorithm })}</p>
      <h3>{t('lottery.drawnOrder')}</h3>
      <ol className="drawn-order">
        {result.drawnOrder.map((entryId, i) => (
          <li key={entryId} className={check.outcome === 'differs' && i + 1 >= check.firstDifference ? 'drawn-differs' : undefined}>
            <span className="mono">{entryId}</span>
            {tickets.get(entryId) && <span className="muted mono"> · {tickets.get(entryId)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function TextField({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="muted field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
