import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../time/shanghai';
import { allPages } from '../api/all-pages';
import { consoleApi, problemMessage, problemOf, unwrap } from '../api/console-client';
import { useStaffSession } from '../api/use-staff-session';
import type { StaffRole } from '../shell/menu';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../shell/states';
import {
  accountEdit,
  accountRows,
  allowedChanges,
  displayNameProblem,
  emailProblem,
  generatePassword,
  grantableRoles,
  newAccountBody,
  type AccountField,
  type AccountForm,
  type AccountProblem,
  type CreateAccountBody,
  type StaffAccount,
  type UpdateAccountBody,
} from './account-rules';
import { useAgencies } from './use-agencies';

const accountsKey = (agencyId: string) => ['console', 'accounts', agencyId] as const;

/** An agency's staff accounts: the agency admin their own agency's, the city office any agency's. */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const session = useStaffSession();
  const cityOffice = session?.actor.role === 'city-office';
  const [params, setParams] = useSearchParams();
  const ownAgency = session?.actor.agencyId ?? '';
  const agencyId = cityOffice ? (params.get('agency') ?? ownAgency) : ownAgency;
  const agencies = useAgencies();
  const agencyName = agencies.nameOf(agencyId);
  const accounts = useQuery({
    queryKey: accountsKey(agencyId),
    queryFn: async () =>
      accountRows(
        (
          await allPages((cursor) =>
            unwrap(consoleApi.GET('/api/v1/agencies/{agencyId}/accounts', { params: { path: { agencyId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } } })),
          )
        ).items,
      ),
    enabled: agencyId !== '',
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [handOver, setHandOver] = useState<{ username: string; password: string; reason: 'created' | 'reset' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!session) return null;
  const manager = { userId: session.actor.userId, role: session.actor.role };

  return (
    <>
      <Typography.Title level={1} className="console-page-title">
        {t('console.accounts.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{cityOffice ? t('console.accounts.introCity') : t('console.accounts.intro', { agency: agencyName })}</Typography.Paragraph>
      {done && <Alert type="success" showIcon closable title={done} onClose={() => setDone(null)} style={{ marginBottom: '1rem' }} role="status" />}
      <Space wrap style={{ marginBottom: '1rem' }}>
        {cityOffice && (
          <>
            <label htmlFor="accounts-agency">{t('console.accounts.agency')}</label>
            <Select
              id="accounts-agency"
              showSearch={{ optionFilterProp: 'label' }}
              value={agencyId}
              style={{ width: '18rem' }}
              onChange={(value) => setParams({ agency: value }, { replace: true })}
              options={agencies.list.map((agency) => ({ value: agency.id, label: agency.name }))}
            />
          </>
        )}
        <Button type="primary" onClick={() => setCreating(true)} disabled={agencyId === ''}>
          {t('console.accounts.create')}
        </Button>
      </Space>
      {accounts.isPending ? (
        <ConsoleLoading />
      ) : accounts.isError ? (
        <ConsoleError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.length === 0 ? (
        <ConsoleEmpty title={t('console.accounts.empty')} />
      ) : (
        <Table<StaffAccount>
          rowKey="id"
          dataSource={accounts.data}
          pagination={accounts.data.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: t('console.accounts.columns.username'), key: 'username', render: (_v, account) => <Typography.Text code>{account.username}</Typography.Text> },
            { title: t('console.accounts.columns.displayName'), key: 'name', render: (_v, account) => account.displayName },
            { title: t('console.accounts.columns.role'), key: 'role', render: (_v, account) => t(`console.roles.${account.role}`) },
            {
              title: t('console.accounts.columns.email'),
              key: 'email',
              render: (_v, account) => account.email ?? <Typography.Text type="secondary">{t('console.accounts.noEmail')}</Typography.Text>,
            },
            {
              title: t('console.accounts.columns.status'),
              key: 'status',
              render: (_v, account) => (account.disabled ? <Tag className="console-tag-overdue">{t('console.accounts.disabled')}</Tag> : <Tag>{t('console.accounts.enabled')}</Tag>),
            },
            {
              title: t('console.accounts.columns.lastSignIn'),
              key: 'last',
              render: (_v, account) => (account.lastSignInAt ? formatDateTime(account.lastSignInAt, i18n.language) : t('console.accounts.never')),
            },
            {
              title: t('console.accounts.columns.actions'),
              key: 'actions',
              render: (_v, account) => (
                <AccountActions
                  account={account}
                  allowed={allowedChanges(manager, account)}
                  self={account.id === session.actor.userId}
                  onEdit={() => setEditing(account)}
                  onDone={setDone}
                  onPassword={(password) => setHandOver({ username: account.username, password, reason: 'reset' })}
                />
              ),
            },
          ]}
        />
      )}
      <CreateAccountModal
        open={creating}
        agencyId={agencyId}
        agencyName={agencyName}
        grantable={grantableRoles(manager.role, agencyId)}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => {
          setCreating(false);
          setHandOver({ username, password, reason: 'created' });
        }}
      />
      <EditAccountModal account={editing} manager={manager} onClose={() => setEditing(null)} onSaved={(message) => (setEditing(null), setDone(message))} />
      <Modal
        open={handOver !== null}
        title={handOver ? t(`console.accounts.handOver.${handOver.reason}`, { username: handOver.username }) : ''}
        onCancel={() => setHandOver(null)}
        footer={<Button onClick={() => setHandOver(null)}>{t('console.accounts.handOver.close')}</Button>}
      >
        {handOver && (
          <>
            <Typography.Paragraph>{t('console.accounts.handOver.explain')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('console.accounts.handOver.password')}
              <Typography.Text code copyable={{ text: handOver.password, tooltips: [t('console.accounts.handOver.copy'), t('console.accounts.handOver.copied')] }} data-testid="handed-over-password">
                {handOver.password}
              </Typography.Text>
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}

function AccountActions({
  account,
  allowed,
  self,
  onEdit,
  onDone,
  onPassword,
}: {
  account: StaffAccount;
  allowed: ReturnType<typeof allowedChanges>;
  self: boolean;
  onEdit: () => void;
  onDone: (message: string) => void;
  onPassword: (password: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useAccountUpdate(account);
  const run = (body: UpdateAccountBody, after: () => void) =>
    update.mutate(body, {
      onSuccess: after,
      onError: (error) => void message.error(problemMessage(problemOf(error), t)),
    });
  const resetPassword = () => {
    const password = generatePassword();
    run({ password }, () => onPassword(password));
  };
  const toggle = () =>
    run({ disabled: !account.disabled }, () => onDone(t(account.disabled ? 'console.accounts.enabledDone' : 'console.accounts.disabledDone', { username: account.username })));
  if (!allowed.rename && !allowed.resetPassword) return <Typography.Text type="secondary">{t('console.accounts.notYours')}</Typography.Text>;
  return (
    <Space size="small" wrap>
      <Button size="small" onClick={onEdit} aria-label={t('console.accounts.editOf', { username: account.username })}>
        {t('console.accounts.edit')}
      </Button>
      {allowed.disable && (
        <Popconfirm
          title={t(account.disabled ? 'console.accounts.enableConfirm' : 'console.accounts.disableConfirm', { username: account.username })}
          okText={t('console.accounts.yes')}
          cancelText={t('console.accounts.no')}
          onConfirm={toggle}
        >
          <Button size="small" danger={!account.disabled} loading={update.isPending && update.variables?.disabled !== undefined}>
            {t(account.disabled ? 'console.accounts.enable' : 'console.accounts.disable')}
          </Button>
        </Popconfirm>
      )}
      {allowed.resetPassword && (
        <Popconfirm
          title={t(self ? 'console.accounts.resetOwnConfirm' : 'console.accounts.resetConfirm', { username: account.username })}
          okText={t('console.accounts.yes')}
          cancelText={t('console.accounts.no')}
          onConfirm={resetPassword}
        >
          <Button size="small" loading={update.isPending && update.variables?.password !== undefined}>
            {t('console.accounts.resetPassword')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function useAccountUpdate(account: StaffAccount) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccountBody) =>
      unwrap(consoleApi.PATCH('/api/v1/agencies/{agencyId}/accounts/{accountId}', { params: { path: { agencyId: account.agencyId, accountId: account.id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: accountsKey(account.agencyId) }),
  });
}

function FieldProblem({ id, field, problems }: { id: string; field: AccountField; problems: Partial<Record<AccountField, AccountProblem>> }) {
  const { t } = useTranslation();
  const problem = problems[field];
  if (!problem) return null;
  return (
    <Typography.Text type="danger" id={id} style={{ display: 'block' }}>
      {t(`console.accounts.problems.${field}.${problem}`)}
    </Typography.Text>
  );
}

const EMPTY_FORM: AccountForm = { username: '', displayName: '', role: null, password: '', email: '' };

function CreateAccountModal({
  open,
  agencyId,
  agencyName,
  grantable,
  onClose,
  onCreated,
}: {
  open: boolean;
  agencyId: string;
  agencyName: string;
  grantable: StaffRole[];
  onClose: () => void;
  onCreated: (username: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<AccountForm>(() => ({ ...EMPTY_FORM, password: generatePassword() }));
  const [problems, setProblems] = useState<Partial<Record<AccountField, AccountProblem>>>({});
  const create = useMutation({
    mutationFn: (body: CreateAccountBody) => unwrap(consoleApi.POST('/api/v1/agencies/{agencyId}/accounts', { params: { path: { agencyId } }, body })),
    onSuccess: async (account) => {
      await client.invalidateQueries({ queryKey: accountsKey(agencyId) });
      onCreated(account.username, form.password);
      setForm({ ...EMPTY_FORM, password: generatePassword() });
    },
  });
  const change = (patch: Partial<AccountForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblems((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as AccountField[]) delete next[key];
      return next;
    });
  };
  const submit = () => {
    const checked = newAccountBody(form, grantable);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    create.mutate(checked.body);
  };
  const invalid = (field: AccountField) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `account-${field}-problem`, status: 'error' as const } : {});
  const serverField = problemOf(create.error).errors?.[0]?.field;

  return (
    <Modal
      open={open}
      title={t('console.accounts.createTitle', { agency: agencyName })}
      onCancel={onClose}
      okText={t('console.accounts.createSubmit')}
      cancelText={t('console.accounts.no')}
      onOk={submit}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <label className="console-label" htmlFor="account-username">
            {t('console.accounts.columns.username')}
          </label>
          <Input id="account-username" value={form.username} autoComplete="off" onChange={(e) => change({ username: e.target.value })} {...invalid('username')} />
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('console.accounts.usernameHint')}
          </Typography.Text>
          <FieldProblem id="account-username-problem" field="username" problems={problems} />
        </div>
        <div>
          <label className="console-label" htmlFor="account-display-name">
            {t('console.accounts.columns.displayName')}
          </label>
          <Input id="account-display-name" value={form.displayName} onChange={(e) => change({ displayName: e.target.value })} {...invalid('displayName')} />
          <FieldProblem id="account-displayName-problem" field="displayName" problems={problems} />
        </div>
        <div>
          <label className="console-label" htmlFor="account-role">
            {t('console.accounts.columns.role')}
          </label>
          <Select<StaffRole>
            id="account-role"
            value={form.role ?? undefined}
            placeholder={t('console.accounts.chooseRole')}
            style={{ width: '100%' }}
            onChange={(role) => change({ role })}
            options={grantable.map((role) => ({ value: role, label: t(`console.roles.${role}`) }))}
            {...invalid('role')}
          />
          <FieldProblem id="account-role-problem" field="role" problems={problems} />
        </div>
        <div>
          <label className="console-label" htmlFor="account-password">
            {t('console.accounts.initialPassword')}
          </label>
          <Space.Compact style={{ width: '100%' }}>
            <Input id="account-password" value={form.password} autoComplete="new-password" onChange={(e) => change({ password: e.target.value })} {...invalid('password')} />
            <Button onClick={() => change({ password: generatePassword() })}>{t('console.accounts.newPassword')}</Button>
          </Space.Compact>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('console.accounts.passwordHint')}
          </Typography.Text>
          <FieldProblem id="account-password-problem" field="password" problems={problems} />
        </div>
        <div>
          <label className="console-label" htmlFor="account-email">
            {t('console.accounts.columns.email')}
          </label>
          <Input id="account-email" type="email" value={form.email} autoComplete="off" onChange={(e) => change({ email: e.target.value })} {...invalid('email')} />
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('console.accounts.emailHint')}
          </Typography.Text>
          <FieldProblem id="account-email-problem" field="email" problems={problems} />
        </div>
        {create.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={serverField === 'username' && problemOf(create.error).status === 409 ? t('console.accounts.usernameTaken') : problemMessage(problemOf(create.error), t)}
          />
        )}
      </Space>
    </Modal>
  );
}

function EditAccountModal({
  account,
  manager,
  onClose,
  onSaved,
}: {
  account: StaffAccount | null;
  manager: { userId: string; role: string };
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  return account ? <EditAccountForm key={account.id} account={account} manager={manager} onClose={onClose} onSaved={onSaved} /> : null;
}

function EditAccountForm({
  account,
  manager,
  onClose,
  onSaved,
}: {
  account: StaffAccount;
  manager: { userId: string; role: string };
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const allowed = allowedChanges(manager, account);
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<StaffRole>(account.role);
  const [newEmail, setNewEmail] = useState('');
  const [removeEmail, setRemoveEmail] = useState(false);
  const [problem, setProblem] = useState<AccountProblem | undefined>();
  const [emailIssue, setEmailIssue] = useState<AccountProblem | undefined>();
  const update = useAccountUpdate(account);
  const submit = () => {
    const nameProblem = displayNameProblem(displayName);
    const addressProblem = removeEmail ? undefined : emailProblem(newEmail);
    setProblem(nameProblem);
    setEmailIssue(addressProblem);
    if (nameProblem || addressProblem) return;
    const body = accountEdit(account, { displayName, role, newEmail, removeEmail });
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(body, { onSuccess: () => onSaved(t('console.accounts.saved', { username: account.username })) });
  };
  return (
    <Modal
      open
      title={t('console.accounts.editTitle', { username: account.username })}
      onCancel={onClose}
      okText={t('console.accounts.save')}
      cancelText={t('console.accounts.no')}
      onOk={submit}
      confirmLoading={update.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <label className="console-label" htmlFor="edit-display-name">
            {t('console.accounts.columns.displayName')}
          </label>
          <Input
            id="edit-display-name"
            value={displayName}
            onChange={(e) => (setDisplayName(e.target.value), setProblem(undefined))}
            status={problem ? 'error' : undefined}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? 'edit-display-name-problem' : undefined}
          />
          {problem && (
            <Typography.Text type="danger" id="edit-display-name-problem" style={{ display: 'block' }}>
              {t(`console.accounts.problems.displayName.${problem}`)}
            </Typography.Text>
          )}
        </div>
        <div>
          <label className="console-label" htmlFor="edit-role">
            {t('console.accounts.columns.role')}
          </label>
          <Select<StaffRole>
            id="edit-role"
            value={role}
            disabled={!allowed.changeRole}
            style={{ width: '100%' }}
            onChange={setRole}
            options={grantableRoles(manager.role, account.agencyId).map((value) => ({ value, label: t(`console.roles.${value}`) }))}
          />
          {!allowed.changeRole && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('console.accounts.ownRole')}
            </Typography.Text>
          )}
        </div>
        <div>
          <label className="console-label" htmlFor="edit-email">
            {t('console.accounts.newEmail')}
          </label>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {account.email ? t('console.accounts.currentEmail', { email: account.email }) : t('console.accounts.noEmailYet')}
          </Typography.Text>
          <Input
            id="edit-email"
            type="email"
            value={newEmail}
            autoComplete="off"
            disabled={removeEmail}
            onChange={(e) => (setNewEmail(e.target.value), setEmailIssue(undefined))}
            status={emailIssue ? 'error' : undefined}
            aria-invalid={emailIssue !== undefined}
            aria-describedby={emailIssue ? 'edit-email-problem' : undefined}
          />
          {emailIssue && (
            <Typography.Text type="danger" id="edit-email-problem" style={{ display: 'block' }}>
              {t(`console.accounts.problems.email.${emailIssue}`)}
            </Typography.Text>
          )}
          {account.email && (
            <Checkbox checked={removeEmail} onChange={(e) => (setRemoveEmail(e.target.checked), setEmailIssue(undefined))}>
              {t('console.accounts.removeEmail')}
            </Checkbox>
          )}
        </div>
        {update.isError && <Alert type="error" showIcon role="alert" title={problemMessage(problemOf(update.error), t)} />}
      </Space>
    </Modal>
  );
}
