import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { usePublicOpenDay } from '../open-days/queries';
import { formatDate, formatDateTime } from '../time/shanghai';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { PageLayout } from '../ui/PageLayout';
import { lotteryCheckLink } from './lottery-check-link';
import './public-notice.css';

type NoticedSession = components['schemas']['NoticedSessionDto'];
type Commitment = components['schemas']['LotteryCommitmentDto'];

/** `/open-days/:id/public-notice`: the selected representatives (公示), names and ID numbers masked. */
export default function PublicNoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const openDay = usePublicOpenDay(id);
  const notice = useQuery({
    queryKey: ['public-notice', id],
    queryFn: () => unwrap(api.GET('/api/v1/public/open-days/{id}/public-notice', { params: { path: { id } } })),
  });
  const title = notice.data?.title ?? openDay.data?.title;
  return (
    <PageLayout title={t('notice.title')} back={`/open-days/${id}`}>
      {title && <p className="notice-open-day">{title}</p>}
      {notice.data?.lotteryCommitment && <LotteryCommitment commitment={notice.data.lotteryCommitment} />}
      {notice.isPending && <LoadingState />}
      {notice.isError && <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />}
      {notice.data &&
        (notice.data.sessions.length === 0 ? (
          <EmptyState title={t('notice.empty')} />
        ) : (
          <>
            <p className="muted">{t('notice.intro')}</p>
            {notice.data.sessions.map((session) => (
              <NoticeSession key={session.sessionId} openDayId={id} session={session} />
            ))}
          </>
        ))}
      {openDay.data?.selectionMode === 'lottery' && !notice.data?.sessions.some((session) => session.lottery) && (
        <p className="section">
          <Link to={`/lottery-verification?openDayId=${encodeURIComponent(id)}`}>{t('notice.verify')}</Link>
        </p>
      )}
    </PageLayout>
  );
}

/** A lottery's commitment, public from before registration opened: anyone can note it and hold the revealed secret to it. */
function LotteryCommitment({ commitment }: { commitment: Commitment }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="section notice-commitment" aria-label={t('lottery.fields.commitment')}>
      <p>{t('notice.commitment', { when: formatDateTime(commitment.committedAt, i18n.language) })}</p>
      <p className="notice-hex">{commitment.commitment}</p>
      {commitment.secret ? <p className="muted notice-hex">{t('notice.secret', { secret: commitment.secret })}</p> : <p className="muted">{t('notice.commitmentPending')}</p>}
    </section>
  );
}

function NoticeSession({ openDayId, session }: { openDayId: string; session: NoticedSession }) {
  const { t, i18n } = useTranslation();
  const headingId = `notice-${session.sessionId}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notice.session', { date: formatDate(session.date, i18n.language) })}</h2>
      <p className="muted">
        {t('notice.publishedAt', { when: formatDateTime(session.publishedAt, i18n.language) })} · {t('notice.revision', { revision: session.revision })}
      </p>
      <table className="notice-table">
        <thead>
          <tr>
            <th scope="col">{t('notice.name')}</th>
            <th scope="col">{t('notice.idNumber')}</th>
            <th scope="col">{t('notice.category')}</th>
          </tr>
        </thead>
        <tbody>
          {session.representatives.map((person, i) => (
            <tr key={`${person.maskedIdentity}-${i}`}>
              <td>{person.maskedName}</td>
              <td className="id-number">{person.maskedIdentity}</td>
              <td>
                {t(`common.categories.${person.category}`)}
                {person.outsideQuota && <span className="muted"> · {t('notice.outsideQuota')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {session.lottery && (
        <p>
          <Link to={lotteryCheckLink(openDayId, session.lottery)}>{t('notice.verifySession')}</Link>
          <span className="muted notice-seed"> · {t('notice.seed', { seed: session.lottery.seed })}</span>
          {session.lottery.entryListHash && <span className="muted notice-seed"> · {t('notice.entryListHash', { hash: session.lottery.entryListHash })}</span>}
        </p>
      )}
    </section>
  );
}
