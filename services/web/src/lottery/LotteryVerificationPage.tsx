import { useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { usePublicOpenDay } from '../open-days/queries';
import { formatDateTime } from '../time/shanghai';
import { ErrorState } from '../ui/ErrorState';
import { PageLayout } from '../ui/PageLayout';
import { normalizedHex, parseIdList, verifyDraw, type DrawVerification, type RecomputedValue } from './draw-check';
import './lottery.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type HexField = 'commitment' | 'secret' | 'entryListHash' | 'seed';
const HEX_FIELDS: HexField[] = ['commitment', 'secret', 'entryListHash', 'seed'];
/** The checked fields from top to bottom: a failed check takes the reader to the first one marked. */
const FIELD_ORDER: Array<HexField | 'entries'> = [...HEX_FIELDS, 'entries'];

/** The hint, and the error when there is one, read out with the field. */
function describedBy(id: string, error: string | undefined): string {
  return error ? `${id}-hint ${id}-error` : `${id}-hint`;
}

function focusInView(element: HTMLElement | null): void {
  element?.scrollIntoView({ block: 'center' });
  element?.focus({ preventScroll: true });
}

/**
 * `/lottery-verification?openDayId=&commitment=&secret=&entryListHash=&seed=&order=`: anyone
 * re-runs a published draw in their own browser (Web Crypto; nothing is sent to the platform):
 * the revealed secret against the commitment published before registration opened, the
 * entry-list hash, the seed, and the drawn order.
 */
export default function LotteryVerificationPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const [openDayId, setOpenDayId] = useState(search.get('openDayId') ?? '');
  const [hex, setHex] = useState<Record<HexField, string>>(() => Object.fromEntries(HEX_FIELDS.map((field) => [field, search.get(field) ?? ''])) as Record<HexField, string>);
  const [entries, setEntries] = useState(parseIdList(search.get('entries') ?? '').join('\n'));
  const [published, setPublished] = useState(parseIdList(search.get('order') ?? '').join('\n'));
  const [invalid, setInvalid] = useState<Partial<Record<HexField | 'entries', string>>>({});
  const id = openDayId.trim();
  const openDay = usePublicOpenDay(id, { enabled: UUID.test(id) });
  const notice = useQuery({
    queryKey: ['public-notice', id],
    queryFn: () => unwrap(api.GET('/api/v1/public/open-days/{id}/public-notice', { params: { path: { id } } })),
    enabled: UUID.test(id),
  });
  const commitment = notice.data?.lotteryCommitment;
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The result is drawn below the form: on a phone it would be out of sight, so it is brought into view.
  const verify = useMutation({ mutationFn: verifyDraw, onSuccess: () => requestAnimationFrame(() => focusInView(resultHeading.current)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Without a commitment of the reader's own, the one the platform has shown since before registration opened.
    const given = { ...hex, commitment: hex.commitment.trim() || (commitment?.commitment ?? '') };
    const values = Object.fromEntries(HEX_FIELDS.map((field) => [field, given[field].trim() ? normalizedHex(given[field]) ?? null : undefined])) as Record<HexField, string | null | undefined>;
    // The published order is the full list of entries when only it was given.
    const entryIds = parseIdList(entries).length > 0 ? parseIdList(entries) : parseIdList(published);
    const errors: Partial<Record<HexField | 'entries', string>> = {};
    for (const field of HEX_FIELDS) if (values[field] === null) errors[field] = t('lottery.invalidHex');
    if (!values.secret && !values.seed && !errors.seed) errors.seed = t('lottery.seedOrSecret');
    if (entryIds.length === 0) errors.entries = t('lottery.invalidEntries');
    else if (new Set(entryIds).size < entryIds.length) errors.entries = t('lottery.repeatedEntries');
    setInvalid(errors);
    const firstInvalid = FIELD_ORDER.find((field) => errors[field]);
    if (firstInvalid) {
      requestAnimationFrame(() => focusInView(document.getElementById(`lottery-${firstInvalid}`)));
      return;
    }
    verify.mutate({
      commitment: values.commitment ?? undefined,
      secret: values.secret ?? undefined,
      entryListHash: values.entryListHash ?? undefined,
      seed: values.seed ?? undefined,
      entryIds,
      publishedOrder: parseIdList(published),
    });
  };

  return (
    <PageLayout title={t('lottery.title')} back>
      <form className="section" onSubmit={submit} noValidate>
        <p className="muted lottery-intro">{t('lottery.intro')}</p>
        <TextField id="lottery-open-day" label={t('lottery.openDay')}>
          <input id="lottery-open-day" className="text-input" value={openDayId} onChange={(event) => setOpenDayId(event.target.value)} />
        </TextField>
        {openDay.data && (
          <p>
            <Link to={`/open-days/${openDay.data.id}/public-notice`}>{openDay.data.title}</Link>
          </p>
        )}
        {commitment && <CommitmentNotice committedAt={commitment.committedAt} commitment={commitment.commitment} revealed={commitment.secret !== null} />}
        {HEX_FIELDS.map((field) => (
          <TextField key={field} id={`lottery-${field}`} label={t(`lottery.fields.${field}`)} hint={t(`lottery.hints.${field}`)} error={invalid[field]}>
            <input
              id={`lottery-${field}`}
              className="text-input mono"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              value={hex[field]}
              onChange={(event) => setHex({ ...hex, [field]: event.target.value })}
              aria-invalid={Boolean(invalid[field])}
              aria-describedby={describedBy(`lottery-${field}`, invalid[field])}
            />
          </TextField>
        ))}
        <TextField id="lottery-entries" label={t('lottery.entries')} hint={t('lottery.entriesHint')} error={invalid.entries}>
          <textarea
            id="lottery-entries"
            className="text-input"
            spellCheck={false}
            value={entries}
            onChange={(event) => setEntries(event.target.value)}
            aria-invalid={Boolean(invalid.entries)}
            aria-describedby={describedBy('lottery-entries', invalid.entries)}
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
      {verify.data && <VerificationResult result={verify.data} headingRef={resultHeading} />}
      <Recipe />
    </PageLayout>
  );
}

function CommitmentNotice({ commitment, committedAt, revealed }: { commitment: string; committedAt: string; revealed: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="banner lottery-commitment">
      <p>{t('lottery.commitmentPublished', { when: formatDateTime(committedAt, i18n.language) })}</p>
      <p className="mono">{commitment}</p>
      <p className="muted">{revealed ? t('lottery.secretRevealed') : t('lottery.secretHidden')}</p>
    </div>
  );
}

function VerificationResult({ result, headingRef }: { result: DrawVerification; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const check = result.order;
  const verdicts = {
    matches: { className: 'banner banner-success', text: t('lottery.matches') },
    differs: { className: 'banner banner-danger', text: t('lottery.doesNotMatch') },
    'no-published': { className: 'banner banner-warning', text: t('lottery.noPublished') },
  } as const;
  const verdict = verdicts[check.outcome];
  const steps: Array<[HexField, RecomputedValue | undefined]> = [
    ['commitment', result.commitment],
    ['entryListHash', result.entryListHash],
    ['seed', result.seed],
  ];
  return (
    <section className="section" aria-labelledby="lottery-result">
      <h2 id="lottery-result" ref={headingRef} tabIndex={-1}>
        {t('lottery.result')}
      </h2>
      <p className="muted">{t(`lottery.usedRecipe${result.recipe}`)}</p>
      {result.recipe === 2 && (
        <ul className="lottery-steps">
          {steps.map(([field, value]) =>
            value ? (
              <li key={field} className={`lottery-step lottery-step-${value.outcome}`}>
                <strong>
                  {t(`lottery.outcome.${value.outcome}`)} · {t(`lottery.computed.${field}`)}
                </strong>
                <span className="mono">{value.computed}</span>
              </li>
            ) : null,
          )}
        </ul>
      )}
      <p className={verdict.className} role="status">
        <strong>{verdict.text}</strong>
      </p>
      <h3>{t('lottery.drawnOrder')}</h3>
      <ol className="drawn-order">
        {result.drawn.map(({ entryId, ticket }, i) => (
          <li key={entryId} className={check.outcome === 'differs' && i + 1 >= check.firstDifference ? 'drawn-differs' : undefined}>
            <span className="mono">{entryId}</span>
            <span className="muted mono lottery-ticket">
              {t('lottery.ticket')} {ticket}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The published recipe in brief; the full text, with the shell commands, comes with every result. */
function Recipe() {
  const { t } = useTranslation();
  return (
    <details className="section lottery-recipe">
      <summary>{t('lottery.recipe.title')}</summary>
      <ol>
        {(['commit', 'entryList', 'seed', 'order', 'places'] as const).map((step) => (
          <li key={step}>{t(`lottery.recipe.${step}`)}</li>
        ))}
      </ol>
      <p className="muted">{t('lottery.recipe.legacy')}</p>
    </details>
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
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
