import { Alert, Card, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../time/shanghai';
import type { ChangeSession, SessionToName } from './change-content';
import type { Ticket } from './use-changes';

/**
 * Where a session's capacity goes below its places taken: the people holding a ticket there
 * (masked), to tick those who leave, with how many are still to name said as they are ticked.
 */
export function ReleasePicker({
  toName,
  sessions,
  tickets,
  released,
  onChange,
  problems,
}: {
  toName: readonly SessionToName[];
  sessions: readonly ChangeSession[];
  tickets: ReadonlyMap<string, readonly Ticket[]>;
  released: readonly string[];
  onChange: (released: string[]) => void;
  problems: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {problems.map((problem, index) => (
        <Alert key={index} type="error" showIcon role="alert" title={problem} />
      ))}
      {toName.map((session) => {
        const changed = sessions[session.index];
        const label = t('console.changes.release.session', {
          n: session.index + 1,
          date: formatDate(changed.date, i18n.language),
          from: changed.startsAt,
          to: changed.endsAt,
        });
        // Only an issued ticket can be given up (one used at the door cannot).
        const own = (tickets.get(session.sessionId) ?? []).filter((ticket) => ticket.status === 'issued');
        const ownIds = new Set(own.map((ticket) => ticket.ticketId));
        const chosen = released.filter((id) => ownIds.has(id));
        return (
          <Card key={session.sessionId} size="small" type="inner" title={label} className="changes-release">
            <Typography.Paragraph>{t('console.changes.release.figures', { taken: session.taken, capacity: session.capacity, count: session.toName })}</Typography.Paragraph>
            <Typography.Paragraph
              role="status"
              aria-live="polite"
              className={session.stillToName > 0 || session.namedTooMany > 0 ? 'plans-danger-text' : undefined}
              strong
            >
              {session.stillToName > 0
                ? t('console.changes.release.stillToName', { count: session.stillToName })
                : session.namedTooMany > 0
                  ? t('console.changes.release.tooMany', { count: session.namedTooMany })
                  : t('console.changes.release.allNamed')}
            </Typography.Paragraph>
            <Checkbox.Group
              aria-label={t('console.changes.release.pick', { session: label })}
              className="changes-release-list"
              value={chosen}
              onChange={(ids) => onChange([...released.filter((id) => !ownIds.has(id)), ...(ids as string[])])}
              options={own.map((ticket) => ({ value: ticket.ticketId, label: t('console.changes.release.person', { name: ticket.maskedName, id: ticket.maskedIdNumber }) }))}
            />
          </Card>
        );
      })}
    </Space>
  );
}
