import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../time/shanghai';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { blankAgendaItem, blankSession } from './plan-form';
import { filingState } from './plan-status';
import { pathParts, type FieldProblem } from './field-problems';
import { LIMITS } from './plan-rules';

/** The problem props of a Form.Item: the first of these fields' problems, said under it. */
export type ProblemAt = (...fields: string[]) => Pick<FormItemProps, 'validateStatus' | 'help'>;

/** A part of the plan form, with its heading (a landmark for screen readers and a place to find on a long page). */
export function FormSection({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Card
      className="plans-section"
      role="region"
      aria-labelledby={`plans-${id}`}
      title={
        <Typography.Title level={2} id={`plans-${id}`} className="console-section-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {children}
    </Card>
  );
}

/**
 * The sessions, each with its date, times, places and timed agenda (the agenda's venue is one of
 * the plan's venues). `dateExtra` is said beside the event date (the earliest session's).
 */
export function SessionsField({ at, venueNames, eventDate, dateExtra }: { at: ProblemAt; venueNames: string[]; eventDate?: string; dateExtra?: ReactNode }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const mediaOutsideQuota = Form.useWatch('mediaOutsideQuota', form) === true;
  return (
    <Form.List name="sessions">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {fields.map((field, i) => {
            const path = `sessions[${i}]`;
            const date = form.getFieldValue(['sessions', field.name, 'date']) as string | undefined;
            const label = t('console.plans.where.session', { n: i + 1 });
            return (
              <Card
                key={field.key}
                size="small"
                type="inner"
                role="group"
                aria-label={label}
                title={label}
                extra={
                  fields.length > 1 && (
                    <Button type="link" danger className="plans-danger" onClick={() => remove(field.name)} aria-label={t('console.plans.editor.removeSession', { n: i + 1 })}>
                      {t('console.plans.editor.remove')}
                    </Button>
                  )
                }
              >
                <div className="plans-row">
                  <Form.Item
                    name={[field.name, 'date']}
                    label={t('console.plans.fields.date')}
                    {...at(`${path}.date`)}
                    extra={date && date === eventDate ? dateExtra : undefined}
                    className="plans-cell-date"
                  >
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'startsAt']} label={t('console.plans.fields.startsAt')} {...at(`${path}.startsAt`)}>
                    <Input type="time" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'endsAt']} label={t('console.plans.fields.endsAt')} {...at(`${path}.endsAt`)}>
                    <Input type="time" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'capacity']} label={t('console.plans.fields.capacity')} {...at(`${path}.capacity`)}>
                    <InputNumber min={1} max={LIMITS.capacity} precision={0} style={{ width: '8rem' }} />
                  </Form.Item>
                  {mediaOutsideQuota && (
                    <Form.Item name={[field.name, 'mediaPlaces']} label={t('console.plans.fields.mediaPlaces')} {...at(`${path}.mediaPlaces`)}>
                      <InputNumber min={0} max={LIMITS.mediaPlaces} precision={0} style={{ width: '8rem' }} />
                    </Form.Item>
                  )}
                </div>
                <AgendaField sessionName={field.name} path={path} at={at} venueNames={venueNames} />
              </Card>
            );
          })}
          <Form.Item {...at('sessions')}>
            <Button onClick={() => add(blankSession())} disabled={fields.length >= LIMITS.sessions}>
              {t('console.plans.editor.addSession')}
            </Button>
          </Form.Item>
        </Space>
      )}
    </Form.List>
  );
}

function AgendaField({ sessionName, path, at, venueNames }: { sessionName: number; path: string; at: ProblemAt; venueNames: string[] }) {
  const { t } = useTranslation();
  const venueOptions = [...new Set(venueNames.filter(Boolean))].map((name) => ({ value: name, label: name }));
  return (
    <Form.List name={[sessionName, 'agenda']}>
      {(items, { add, remove }) => (
        <div role="group" aria-label={t('console.plans.fields.agenda')}>
          <Typography.Text strong>{t('console.plans.fields.agenda')}</Typography.Text>
          {items.map((item, k) => {
            const itemPath = `${path}.agenda[${k}]`;
            const n = k + 1;
            return (
              <div key={item.key} className="plans-row plans-agenda-row">
                <Form.Item name={[item.name, 'startsAt']} label={t('console.plans.editor.agendaFrom', { n })} {...at(`${itemPath}.startsAt`)}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item name={[item.name, 'endsAt']} label={t('console.plans.editor.agendaTo', { n })} {...at(`${itemPath}.endsAt`)}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'activity']}
                  label={t('console.plans.editor.agendaActivity', { n })}
                  {...at(`${itemPath}.activity`)}
                  className="plans-cell-wide"
                >
                  <Input maxLength={LIMITS.activity} />
                </Form.Item>
                <Form.Item name={[item.name, 'venue']} label={t('console.plans.editor.agendaVenue', { n })} {...at(`${itemPath}.venue`)} className="plans-cell-venue">
                  <Select allowClear options={venueOptions} placeholder={t('console.plans.editor.noVenue')} />
                </Form.Item>
                <Button className="plans-row-button" onClick={() => remove(item.name)} aria-label={t('console.plans.editor.removeAgendaItem', { n })}>
                  {t('console.plans.editor.remove')}
                </Button>
              </div>
            );
          })}
          <Form.Item {...at(`${path}.agenda`)}>
            <Button onClick={() => add(blankAgendaItem())} disabled={items.length >= LIMITS.agenda}>
              {t('console.plans.editor.addAgendaItem')}
            </Button>
          </Form.Item>
        </div>
      )}
    </Form.List>
  );
}

/** The venues in the order they are visited, each with its address; moved up and down by buttons. */
export function VenuesField({ at }: { at: ProblemAt }) {
  const { t } = useTranslation();
  return (
    <Form.List name="venues">
      {(fields, { add, remove, move }) => (
        <div role="group" aria-label={t('console.plans.fields.venues')}>
          {fields.map((field, i) => {
            const path = `venues[${i}]`;
            const n = i + 1;
            return (
              <div key={field.key} className="plans-row">
                <span className="plans-order" aria-hidden="true">
                  {n}
                </span>
                <Form.Item name={[field.name, 'name']} label={t('console.plans.editor.venueName', { n })} {...at(`${path}.name`, path)} className="plans-cell-wide">
                  <Input maxLength={LIMITS.venueName} />
                </Form.Item>
                <Form.Item name={[field.name, 'address']} label={t('console.plans.editor.venueAddress', { n })} {...at(`${path}.address`)} className="plans-cell-wide">
                  <Input maxLength={LIMITS.address} />
                </Form.Item>
                <Space className="plans-row-button">
                  <Button onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={t('console.plans.editor.moveUp', { n })}>
                    {t('console.plans.editor.up')}
                  </Button>
                  <Button onClick={() => move(i, i + 1)} disabled={i === fields.length - 1} aria-label={t('console.plans.editor.moveDown', { n })}>
                    {t('console.plans.editor.down')}
                  </Button>
                  <Button danger className="plans-danger" onClick={() => remove(field.name)} aria-label={t('console.plans.editor.removeVenue', { n })}>
                    {t('console.plans.editor.remove')}
                  </Button>
                </Space>
              </div>
            );
          })}
          <Form.Item {...at('venues')}>
            <Button onClick={() => add({ name: '', address: '' })} disabled={fields.length >= LIMITS.venues}>
              {t('console.plans.editor.addVenue')}
            </Button>
          </Form.Item>
        </div>
      )}
    </Form.List>
  );
}

/** Who may apply: the youngest and oldest age on the event day (none: no upper limit) and the districts (none: the whole city). */
export function EligibilityFields({ at, districts, loading }: { at: ProblemAt; districts: Array<{ value: string; label: string }>; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="plans-row">
      <Form.Item name="minAge" label={t('console.plans.fields.minAge')} {...at('eligibility.minAge')}>
        <InputNumber min={0} max={LIMITS.maxAge} precision={0} style={{ width: '8rem' }} />
      </Form.Item>
      <Form.Item name="maxAge" label={t('console.plans.fields.maxAge')} extra={t('console.plans.editor.maxAgeHint')} {...at('eligibility.maxAge')}>
        <InputNumber min={0} max={LIMITS.maxAge} precision={0} style={{ width: '8rem' }} />
      </Form.Item>
      <Form.Item name="districts" label={t('console.plans.fields.districts')} extra={t('console.plans.editor.districtsHint')} {...at('eligibility.districts')} className="plans-cell-wide">
        <Select mode="multiple" options={districts} loading={loading} />
      </Form.Item>
    </div>
  );
}

/** The notices every admitted person reads, one per line; `titled`: said above them (not when their section's title says it). */
export function NoticesField({ at, titled = true }: { at: ProblemAt; titled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="notices">
      {(fields, { add, remove }) => (
        <div role="group" aria-label={t('console.plans.fields.notices')}>
          {titled && <Typography.Text strong>{t('console.plans.fields.notices')}</Typography.Text>}
          {fields.map((field, i) => (
            <div key={field.key} className="plans-row">
              <Form.Item name={field.name} label={t('console.plans.where.notice', { n: i + 1 })} {...at(`notices[${i}]`)} className="plans-cell-wide">
                <Input maxLength={LIMITS.notice} />
              </Form.Item>
              <Button className="plans-row-button plans-danger" danger onClick={() => remove(field.name)} aria-label={t('console.plans.editor.removeNotice', { n: i + 1 })}>
                {t('console.plans.editor.remove')}
              </Button>
            </div>
          ))}
          <Form.Item {...at('notices')}>
            <Button onClick={() => add('')} disabled={fields.length >= LIMITS.notices}>
              {t('console.plans.editor.addNotice')}
            </Button>
          </Form.Item>
        </div>
      )}
    </Form.List>
  );
}

/** The last on-time filing date for an event date (5 working days before), and today against it, in words. */
export function FilingDateNote({ eventDate, today }: { eventDate: string | undefined; today: string }) {
  const { t, i18n } = useTranslation();
  const deadline = useQuery({
    queryKey: ['console', 'filing-deadline', eventDate],
    queryFn: () => unwrap(consoleApi.GET('/api/v1/working-calendar/filing-deadline', { params: { query: { eventDate: eventDate! } } })),
    enabled: !!eventDate,
    retry: false,
    staleTime: 10 * 60_000,
  });
  if (!eventDate) return <Typography.Text type="secondary">{t('console.plans.filing.needDate')}</Typography.Text>;
  if (deadline.isPending) return <Typography.Text type="secondary">{t('console.plans.filing.checking')}</Typography.Text>;
  if (deadline.isError) {
    const uncovered = problemOf(deadline.error).status === 422;
    return <Typography.Text type="warning" className="plans-warning-text">{t(uncovered ? 'console.plans.filing.uncovered' : 'console.plans.filing.unavailable')}</Typography.Text>;
  }
  return <FilingStateWords lastOnTimeFilingDate={deadline.data.lastOnTimeFilingDate} today={today} language={i18n.language} />;
}

/** "File by …" with the days left, or the warning that today is past it. */
export function FilingStateWords({ lastOnTimeFilingDate, today, language }: { lastOnTimeFilingDate: string | null; today: string; language: string }) {
  const { t } = useTranslation();
  const state = filingState(lastOnTimeFilingDate, today);
  if (state.kind === 'unknown' || !lastOnTimeFilingDate) return <Typography.Text type="warning" className="plans-warning-text">{t('console.plans.filing.uncovered')}</Typography.Text>;
  const date = formatDate(lastOnTimeFilingDate, language);
  if (state.kind === 'late') {
    return (
      <Typography.Text type="danger" className="plans-danger-text" role="alert">
        {t('console.plans.filing.late', { date, count: state.daysLate })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text>
      {state.kind === 'last-day' ? t('console.plans.filing.lastDay', { date }) : t('console.plans.filing.onTime', { date, count: state.daysLeft })}
    </Typography.Text>
  );
}

/** Every problem that stands, each named by where it is, so none is missed on a long form. */
export function ProblemSummary({ problems, say, title }: { problems: readonly FieldProblem[]; say: (problem: FieldProblem) => string; title: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const where = (field: string) =>
    pathParts(field)
      .map((part) => t(`console.plans.${part.key}`, { n: part.n, defaultValue: field }))
      .join(' · ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        <ul className="plans-problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.field}-${problem.rule}-${index}`}>
              {t('console.plans.problems.item', { where: where(problem.field), problem: say(problem) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * The foot of a plan form: every problem listed, how many are marked, a problem of the server tied
 * to no field, then the submit button, the way back and any hint.
 */
export function SaveBar({
  problems,
  say,
  sending,
  submitLabel,
  backTo,
  hint,
}: {
  problems: readonly FieldProblem[];
  say: (problem: FieldProblem) => string;
  sending: { isPending: boolean; isError: boolean; error: unknown };
  submitLabel: string;
  backTo: string;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemSummary problems={problems} say={say} title={t('console.plans.problems.title', { count: problems.length })} />
      <div className="plans-save-bar">
        {problems.length > 0 && (
          <Typography.Text type="danger" className="plans-danger-text" role="status">
            {t('console.plans.problems.marked', { count: problems.length })}
          </Typography.Text>
        )}
        {sending.isError && !problemOf(sending.error).errors?.length && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(sending.error), t)} />}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={sending.isPending}>
            {submitLabel}
          </Button>
          <Link to={backTo}>{t('console.plans.editor.back')}</Link>
          {hint}
        </Space>
      </div>
    </>
  );
}
