import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { agencyName, useAgencies } from '../../open-days/queries';
import { EmptyState } from '../../ui/EmptyState';
import { WithdrawButton } from '../applications/MyApplicationsPage';
import { canWithdraw, personState } from '../applications/application-state';
import { StateTag } from '../applications/StateTag';
import { useApplications, useMyFeedback, useOpenDay, useSurvey, useTickets } from '../api/queries';
import type { ApplicationView } from '../api/views';
import { shanghaiDateTime } from '../format';
import { AccountPage, Section } from '../ui/AccountPage';
import { buildTimeline, type NextStep } from './build-timeline';
import { describeEntry, describeNext, type NameOf } from './describe';

/** One application from submission to the rating of the last answer, and who has to act next. */
export default function ApplicationTimelinePage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const applications = useApplications();
  const tickets = useTickets();
  const feedback = useMyFeedback();
  const application = applications.data?.find((a) => a.id === applicationId);
  const openDay = useOpenDay(application?.openDayId);
  const checkedIn = tickets.data?.some((ticket) => ticket.applicationId === applicationId && ticket.status === 'checked-in') ?? false;
  const survey = useSurvey(application?.openDayId, checkedIn);
  const loading = [applications, tickets, feedback];
  return (
    <AccountPage title={t('account.timeline.title')} back="/me/applications" loading={loading}>
      {application ? (
        <Timeline
          application={application}
          facts={{
            tickets: tickets.data ?? [],
            feedback: feedback.data ?? [],
            surveyAnswered: survey.data?.answeredByMe ?? null,
            registrationClosesAt: openDay.data?.registrationClosesAt ?? null,
          }}
        />
      ) : (
        <EmptyState title={t('account.timeline.notFound')} />
      )}
    </AccountPage>
  );
}

function Timeline({ application, facts }: { application: ApplicationView; facts: Omit<Parameters<typeof buildTimeline>[0], 'application'> }) {
  const { t } = useTranslation();
  const { entries, next } = buildTimeline({ application, ...facts });
  const agencies = useAgencies();
  const nameOf: NameOf = (code) => agencyName(agencies.data, code);
  return (
    <>
      <h2 className="acc-card-title">{application.openDayTitle}</h2>
      <p className="acc-muted">{t('account.applications.session', { date: application.sessionDate })}</p>
      <NextStepCard next={next} nameOf={nameOf} />
      <Section title={t('account.timeline.people')}>
        <ul className="acc-people">
          {application.people.map((person) => (
            <li key={person.personId}>
              <span className="acc-person">
                {person.name} · {person.maskedIdNumber}
              </span>
              <StateTag state={personState(application, person)} />
            </li>
          ))}
        </ul>
        {canWithdraw(application, facts.tickets, new Date()) && <WithdrawButton application={application} />}
      </Section>
      <Section title={t('account.timeline.heading')}>
        <ol className="acc-timeline">
          {entries.map((entry, index) => (
            <li key={index} className={`acc-timeline-entry acc-timeline-${entry.kind}`}>
              <time dateTime={entry.at}>{shanghaiDateTime(entry.at)}</time>
              <p>{describeEntry(t, entry, nameOf)}</p>
              {entry.kind === 'ticket-issued' && (
                <Link to={`/me/tickets/${entry.ticketId}`}>{t('account.timeline.openTicket')}</Link>
              )}
              {entry.kind === 'opinion-answered' && !entries.some((e) => e.kind === 'answer-rated' && e.feedbackId === entry.feedbackId) && (
                <Link to={`/me/feedback#${entry.feedbackId}`}>{t('account.timeline.rateAnswer')}</Link>
              )}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

function NextStepCard({ next, nameOf }: { next: NextStep; nameOf: NameOf }) {
  const { t } = useTranslation();
  return (
    <section className={`acc-next acc-next-${next.who}`} aria-labelledby="next-title">
      <h2 className="acc-section-title" id="next-title">
        {t('account.timeline.nextHeading')} · {t(`account.timeline.who.${next.who}`)}
      </h2>
      <p>{describeNext(t, next, shanghaiDateTime, nameOf)}</p>
      <NextStepAction next={next} />
    </section>
  );
}

/** Where the citizen does what is theirs to do. */
function nextStepLink(next: NextStep): { to: string; label: string } | null {
  if (next.who !== 'you') return null;
  switch (next.what) {
    case 'attend':
      return { to: `/me/tickets/${next.ticketId}`, label: 'account.timeline.openTicket' };
    case 'rate-answer':
      return { to: `/me/feedback#${next.feedbackId}`, label: 'account.timeline.rateAnswer' };
    case 'answer-survey':
      return { to: `/me/open-days/${next.openDayId}/survey`, label: 'account.ticket.survey' };
    case 'give-opinions':
      return { to: `/me/open-days/${next.openDayId}/opinion`, label: 'account.ticket.feedback' };
  }
}

function NextStepAction({ next }: { next: NextStep }) {
  const { t } = useTranslation();
  const link = nextStepLink(next);
  if (!link) return null;
  return (
    <Link className="acc-link-button acc-link-button-primary" to={link.to}>
      {t(link.label)}
    </Link>
  );
}
