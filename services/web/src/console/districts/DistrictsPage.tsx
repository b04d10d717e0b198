import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import type { District } from '../plans/district-choices';
import { useDistricts } from '../plans/use-districts';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import { changesAnything, districtChange, newDistrictBody, serverProblems, type DistrictChangeBody, type DistrictField, type DistrictForm, type DistrictProblems } from './district-rules';

/** Every console query naming districts (the plan editor's and the change form's choices too). */
const DISTRICTS_KEY = ['console', 'districts'] as const;

/** The city's district list (city office): add a district, rename it, deactivate or reactivate it. */
export default function DistrictsPage() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<District | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const saved = (key: 'added' | 'saved') => (name: string) => {
    setCreating(false);
    setRenaming(null);
    setDone(t(`console.districts.${key}`, { name }));
  };

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.districts.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('console.districts.intro')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: '1rem' }}>
        {t('console.districts.add')}
      </Button>
      {districts.isPending ? (
        <ConsoleLoading />
      ) : districts.isError ? (
        <ConsoleError error={districts.error} onRetry={() => void districts.refetch()} />
      ) : districts.data.length === 0 ? (
        <ConsoleEmpty title={t('console.districts.empty')} />
      ) : (
        <Table<District>
          rowKey="code"
          size="small"
          dataSource={districts.data}
          pagination={false}
          columns={[
            { title: t('console.districts.columns.code'), key: 'code', render: (_v, district) => <Typography.Text code>{district.code}</Typography.Text> },
            { title: t('console.districts.columns.nameZh'), key: 'nameZh', render: (_v, district) => <span lang="zh-CN">{district.nameZh}</span> },
            { title: t('console.districts.columns.nameEn'), key: 'nameEn', render: (_v, district) => <span lang="en">{district.nameEn}</span> },
            {
              title: t('console.districts.columns.status'),
              key: 'status',
              render: (_v, district) => (district.active ? <Tag>{t('console.districts.active')}</Tag> : <Tag className="console-tag-overdue">{t('console.districts.inactive')}</Tag>),
            },
            {
              title: t('console.districts.columns.actions'),
              key: 'actions',
              render: (_v, district) => <DistrictActions district={district} onRename={() => setRenaming(district)} onDone={setDone} />,
            },
          ]}
        />
      )}
      {creating && <DistrictModal onClose={() => setCreating(false)} onSaved={saved('added')} />}
      {renaming && <DistrictModal key={renaming.code} district={renaming} onClose={() => setRenaming(null)} onSaved={saved('saved')} />}
    </>
  );
}

function useDistrictChange(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DistrictChangeBody) => unwrap(consoleApi.PUT('/api/v1/districts/{code}', { params: { path: { code } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: DISTRICTS_KEY }),
  });
}

function DistrictActions({ district, onRename, onDone }: { district: District; onRename: () => void; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useDistrictChange(district.code);
  const name = i18n.language.startsWith('en') ? district.nameEn : district.nameZh;
  const toggle = () => {
    const checked = districtChange(district, { active: !district.active });
    if (!checked.ok) return;
    update.mutate(checked.body, {
      onSuccess: () => onDone(t(district.active ? 'console.districts.deactivated' : 'console.districts.activated', { name })),
      onError: (error) => void message.error(problemMessage(problemOf(error), t)),
    });
  };
  return (
    <Space size="small" wrap>
      <Button size="small" onClick={onRename} aria-label={t('console.districts.renameOf', { name })}>
        {t('console.districts.rename')}
      </Button>
      <Popconfirm
        title={t(district.active ? 'console.districts.deactivateConfirm' : 'console.districts.activateConfirm', { name })}
        description={district.active ? t('console.districts.deactivateHint') : undefined}
        okText={t('console.districts.yes')}
        cancelText={t('console.districts.no')}
        onConfirm={toggle}
      >
        <Button size="small" danger={district.active} loading={update.isPending} aria-label={t(district.active ? 'console.districts.deactivateOf' : 'console.districts.activateOf', { name })}>
          {t(district.active ? 'console.districts.deactivate' : 'console.districts.activate')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** A new district, or a district's names changed (its code is permanent: plans and applications name it by its code). */
function DistrictModal({ district, onClose, onSaved }: { district?: District; onClose: () => void; onSaved: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<DistrictForm>({ code: district?.code ?? '', nameZh: district?.nameZh ?? '', nameEn: district?.nameEn ?? '' });
  const [problems, setProblems] = useState<DistrictProblems>({});
  const save = useMutation({
    mutationFn: async (): Promise<DistrictProblems | null> => {
      if (!district) {
        const checked = newDistrictBody(form);
        if (!checked.ok) return checked.problems;
        await unwrap(consoleApi.POST('/api/v1/districts', { body: checked.body }));
        return null;
      }
      const checked = districtChange(district, form);
      if (!checked.ok) return checked.problems;
      if (changesAnything(district, checked.body)) await unwrap(consoleApi.PUT('/api/v1/districts/{code}', { params: { path: { code: district.code } }, body: checked.body }));
      return null;
    },
    onSuccess: async (refused) => {
      if (refused) {
        setProblems(refused);
        return;
      }
      await client.invalidateQueries({ queryKey: DISTRICTS_KEY });
      onSaved(i18n.language.startsWith('en') ? form.nameEn.trim() : form.nameZh.trim());
    },
    onError: (error) => setProblems(serverProblems(problemOf(error))),
  });
  const change = (patch: Partial<DistrictForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems({});
  };
  const unplaced = save.isError && Object.keys(problems).length === 0;
  return (
    <Modal
      open
      title={district ? t('console.districts.renameTitle', { code: district.code }) : t('console.districts.add')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('console.districts.save')}
      cancelText={t('console.districts.no')}
      confirmLoading={save.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <LabelledField name="code" problem={problems.code} hint={t(district ? 'console.districts.codeFixed' : 'console.districts.codeHint')}>
          {(invalid) => <Input id="district-code" value={form.code} disabled={district !== undefined} onChange={(e) => change({ code: e.target.value })} {...invalid} />}
        </LabelledField>
        <LabelledField name="nameZh" problem={problems.nameZh}>
          {(invalid) => <Input id="district-nameZh" lang="zh-CN" value={form.nameZh} onChange={(e) => change({ nameZh: e.target.value })} {...invalid} />}
        </LabelledField>
        <LabelledField name="nameEn" problem={problems.nameEn}>
          {(invalid) => <Input id="district-nameEn" lang="en" value={form.nameEn} onChange={(e) => change({ nameEn: e.target.value })} {...invalid} />}
        </LabelledField>
        {unplaced && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(save.error), t)} />}
      </Space>
    </Modal>
  );
}

/** A field with its label, its hint and, when refused, the refusal in words beside it (and named by the input). */
function LabelledField({ name, problem, hint, children }: { name: DistrictField; problem?: string; hint?: string; children: (invalid: Record<string, unknown>) => ReactNode }) {
  const { t } = useTranslation();
  const problemId = `district-${name}-problem`;
  const hintId = `district-${name}-hint`;
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  const invalid = { ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(problem ? { 'aria-invalid': true, status: 'error' } : {}) };
  return (
    <div>
      <label className="console-label" htmlFor={`district-${name}`}>
        {t(`console.districts.columns.${name}`)}
      </label>
      {children(invalid)}
      {hint && (
        <Typography.Text type="secondary" id={hintId} style={{ display: 'block' }}>
          {hint}
        </Typography.Text>
      )}
      {problem && (
        <Typography.Text type="danger" id={problemId} style={{ display: 'block' }}>
          {t(`console.districts.problems.${problem}`)}
        </Typography.Text>
      )}
    </div>
  );
}
