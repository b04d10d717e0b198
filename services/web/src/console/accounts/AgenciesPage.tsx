import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { ConsoleEmpty, ConsoleLoading } from '../shell/states';
import { AGENCY_KINDS, agencyEdit, mayDeactivate, newAgencyBody, type AgencyField, type AgencyForm, type AgencyKind, type AgencyProblem, type UpdateAgencyBody } from './agency-rules';
import { AGENCIES_KEY, useAgencies, type Agency } from './use-agencies';

/** The agencies directory (city office): add an agency, rename or reclassify it, deactivate or reactivate it, open its accounts. */
export default function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Agency | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.accounts.agencies.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.accounts.agencies.intro')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: '1rem' }}>
        {t('console.accounts.agencies.create')}
      </Button>
      {agencies.pending ? (
        <ConsoleLoading />
      ) : agencies.list.length === 0 ? (
        <ConsoleEmpty title={t('console.accounts.agencies.empty')} />
      ) : (
        <Table<Agency>
          rowKey="id"
          size="small"
          dataSource={agencies.list}
          pagination={agencies.list.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            { title: t('console.accounts.agencies.columns.name'), key: 'name', render: (_v, agency) => agency.name },
            { title: t('console.accounts.agencies.columns.id'), key: 'id', render: (_v, agency) => <Typography.Text code>{agency.id}</Typography.Text> },
            { title: t('console.accounts.agencies.columns.kind'), key: 'kind', render: (_v, agency) => t(`console.accounts.agencies.kinds.${agency.kind}`) },
            { title: t('console.accounts.agencies.columns.district'), key: 'district', render: (_v, agency) => agency.district ?? '—' },
            {
              title: t('console.accounts.agencies.columns.status'),
              key: 'status',
              render: (_v, agency) => (agency.active ? <Tag>{t('console.accounts.agencies.active')}</Tag> : <Tag className="console-tag-overdue">{t('console.accounts.agencies.inactive')}</Tag>),
            },
            {
              title: t('console.accounts.columns.actions'),
              key: 'actions',
              render: (_v, agency) => <AgencyActions agency={agency} onEdit={() => setEditing(agency)} onDone={setDone} />,
            },
          ]}
        />
      )}
      {creating && (
        <AgencyModal
          onClose={() => setCreating(false)}
          onSaved={(name) => {
            setCreating(false);
            setDone(t('console.accounts.agencies.created', { name }));
          }}
        />
      )}
      {editing && (
        <AgencyModal
          key={editing.id}
          agency={editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setDone(t('console.accounts.agencies.saved', { name }));
          }}
        />
      )}
    </>
  );
}

function useAgencyUpdate(agencyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgencyBody) => unwrap(consoleApi.PATCH('/api/v1/agencies/{agencyId}', { params: { path: { agencyId } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}

function AgencyActions({ agency, onEdit, onDone }: { agency: Agency; onEdit: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useAgencyUpdate(agency.id);
  const toggle = () =>
    update.mutate(
      { active: !agency.active },
      {
        onSuccess: () => onDone(t(agency.active ? 'console.accounts.agencies.deactivated' : 'console.accounts.agencies.activated', { name: agency.name })),
        onError: (error) => void message.error(problemMessage(problemOf(error), t)),
      },
    );
  return (
    <Space size="small" wrap>
      <Link to={`/console/accounts?agency=${encodeURIComponent(agency.id)}`} aria-label={t('console.accounts.agencies.accountsOf', { name: agency.name })}>
        {t('console.accounts.agencies.accounts')}
      </Link>
      <Button size="small" onClick={onEdit} aria-label={t('console.accounts.agencies.editOf', { name: agency.name })}>
        {t('console.accounts.edit')}
      </Button>
      {mayDeactivate(agency) && (
        <Popconfirm
          title={t(agency.active ? 'console.accounts.agencies.deactivateConfirm' : 'console.accounts.agencies.activateConfirm', { name: agency.name })}
          okText={t('console.accounts.yes')}
          cancelText={t('console.accounts.no')}
          onConfirm={toggle}
        >
          <Button size="small" danger={agency.active} loading={update.isPending}>
            {t(agency.active ? 'console.accounts.agencies.deactivate' : 'console.accounts.agencies.activate')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** A new agency, or an agency's name, kind and district changed (its code is permanent). */
function AgencyModal({ agency, onClose, onSaved }: { agency?: Agency; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<AgencyForm>({ id: agency?.id ?? '', name: agency?.name ?? '', kind: agency?.kind ?? null, district: agency?.district ?? '' });
  const [problems, setProblems] = useState<Partial<Record<AgencyField, AgencyProblem>>>({});
  const save = useMutation({
    mutationFn: async () => {
      if (!agency) {
        const checked = newAgencyBody(form);
        if (!checked.ok) return checked;
        await unwrap(consoleApi.POST('/api/v1/agencies', { body: checked.body }));
        return checked;
      }
      const checked = agencyEdit(agency, { name: form.name, kind: form.kind ?? agency.kind, district: form.district });
      if (!checked.ok || Object.keys(checked.body).length === 0) return checked;
      await unwrap(consoleApi.PATCH('/api/v1/agencies/{agencyId}', { params: { path: { agencyId: agency.id } }, body: checked.body }));
      return checked;
    },
    onSuccess: async (checked) => {
      if (!checked.ok) {
        setProblems(checked.problems);
        return;
      }
      await client.invalidateQueries({ queryKey: AGENCIES_KEY });
      onSaved(form.name.trim());
    },
  });
  const change = (patch: Partial<AgencyForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems({});
  };
  const field = (name: AgencyField, label: string, control: (invalid: Record<string, unknown>) => React.ReactNode, hint?: string) => {
    const problem = problems[name];
    const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': `agency-${name}-problem`, status: 'error' } : {};
    return (
      <div>
        <label className="console-label" htmlFor={`agency-${name}`}>
          {label}
        </label>
        {control(invalid)}
        {hint && (
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {hint}
          </Typography.Text>
        )}
        {problem && (
          <Typography.Text type="danger" id={`agency-${name}-problem`} style={{ display: 'block' }}>
            {t(`console.accounts.agencies.problems.${problem}`)}
          </Typography.Text>
        )}
      </div>
    );
  };
  return (
    <Modal
      open
      title={agency ? t('console.accounts.agencies.editTitle', { name: agency.name }) : t('console.accounts.agencies.create')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('console.accounts.save')}
      cancelText={t('console.accounts.no')}
      confirmLoading={save.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {field(
          'id',
          t('console.accounts.agencies.columns.id'),
          (invalid) => <Input id="agency-id" value={form.id} disabled={agency !== undefined} onChange={(e) => change({ id: e.target.value })} {...invalid} />,
          agency ? t('console.accounts.agencies.idFixed') : t('console.accounts.agencies.idHint'),
        )}
        {field('name', t('console.accounts.agencies.columns.name'), (invalid) => <Input id="agency-name" value={form.name} onChange={(e) => change({ name: e.target.value })} {...invalid} />)}
        {field('kind', t('console.accounts.agencies.columns.kind'), (invalid) => (
          <Select<AgencyKind>
            id="agency-kind"
            value={form.kind ?? undefined}
            placeholder={t('console.accounts.agencies.chooseKind')}
            style={{ width: '100%' }}
            onChange={(kind) => change({ kind })}
            options={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`console.accounts.agencies.kinds.${kind}`) }))}
            {...invalid}
          />
        ))}
        {field(
          'district',
          t('console.accounts.agencies.columns.district'),
          (invalid) => <Input id="agency-district" value={form.district} onChange={(e) => change({ district: e.target.value })} {...invalid} />,
          t('console.accounts.agencies.districtHint'),
        )}
        {save.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(save.error), t)} />}
      </Space>
    </Modal>
  );
}
