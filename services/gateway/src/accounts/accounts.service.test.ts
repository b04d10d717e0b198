import { DataSource } from 'typeorm';
import { StaffContactRecordedV1, type Actor, type CloudEvent } from '@openday/contracts';
import { MessagingTables1763900000000 } from '@openday/messaging';
import { loadConfig, ManualClock } from '@openday/platform';
import { createTestDatabase, testInfrastructure, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { GatewayConfig } from '../gateway.config';
import { gatewayDatabase } from '../gateway.database';
import { AccountsService } from './accounts.service';

const cityOffice: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'city-office', agencyId: 'city-office' };

describe("staff accounts' e-mail addresses on PostgreSQL", () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let accounts: AccountsService;
  const clock = new ManualClock(new Date('2026-11-20T08:00:00.000Z'));
  const config = loadConfig(GatewayConfig, {});

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'gateway_accounts');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...gatewayDatabase.migrations],
      migrationsRun: true,
    }).initialize();
    await dataSource.query(
      `INSERT INTO agencies (id, name, kind) VALUES ('city-office', '市政府办公室', 'municipal-bureau'), ('water-affairs-bureau', '市水务局', 'municipal-bureau')`,
    );
    accounts = AccountsService.standalone(dataSource, config, clock);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await infra?.stop();
  });

  async function contactsOf(accountId: string): Promise<StaffContactRecordedV1[]> {
    const rows: Array<{ payload: CloudEvent<StaffContactRecordedV1> }> = await dataSource.query(
      `SELECT payload FROM outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY seq`,
      [StaffContactRecordedV1.contract.type, `staff-account/${accountId}`],
    );
    return rows.map((row) => row.payload.data);
  }

  async function storedEmail(accountId: string): Promise<string | null> {
    const [row] = (await dataSource.query(`SELECT email FROM staff_accounts WHERE id = $1`, [accountId])) as Array<{ email: string | null }>;
    return row.email;
  }

  let serial = 0;
  const newAccount = (email?: string) =>
    accounts.create(cityOffice, 'city-office', { username: `filing-${(serial += 1)}`, displayName: '备案专员', role: 'city-office', password: 'correct horse battery', email });

  it('stores the address encrypted, shows it masked, and tells notification the address itself', async () => {
    clock.advance(1000);
    const view = await newAccount('filing.clerk@city-office.example.cn');
    expect(view.email).toBe('f***@city-office.example.cn');
    expect((await accounts.get(cityOffice, 'city-office', view.id)).email).toBe('f***@city-office.example.cn');
    const stored = await storedEmail(view.id);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('filing.clerk');
    expect(await contactsOf(view.id)).toEqual([
      { accountId: view.id, agencyId: 'city-office', role: 'city-office', email: 'filing.clerk@city-office.example.cn', disabled: false, recordedAt: clock.now().toISOString() },
    ]);
    const audit: Array<{ details: Record<string, unknown> }> = await dataSource.query(`SELECT details FROM audit_log WHERE target_id = $1`, [view.id]);
    expect(JSON.stringify(audit)).not.toContain('filing.clerk');
  });

  it('stores the name encrypted, shows it, and keeps old and new names out of the rename audit', async () => {
    const view = await newAccount();
    expect(view.displayName).toBe('备案专员');
    const renamed = await accounts.update(cityOffice, 'city-office', view.id, { displayName: '备案专员 陈' });
    expect(renamed.displayName).toBe('备案专员 陈');
    const [{ stored }] = await dataSource.query(`SELECT display_name AS stored FROM staff_accounts WHERE id = $1`, [view.id]);
    expect(stored).toMatch(/^v1:/);
    const audit: Array<{ action: string; details: Record<string, unknown> }> = await dataSource.query(`SELECT action, details FROM audit_log WHERE target_id = $1`, [view.id]);
    expect(audit.map((entry) => entry.action)).toContain('account.renamed');
    expect(JSON.stringify(audit)).not.toContain('备案专员');
  });

  it('records an account without an address as having none', async () => {
    const view = await newAccount();
    expect(view.email).toBeNull();
    expect(await storedEmail(view.id)).toBeNull();
    expect((await contactsOf(view.id)).map((c) => c.email)).toEqual([null]);
  });

  it.each<[string, Parameters<AccountsService['update']>[3], Partial<StaffContactRecordedV1> | 'nothing told']>([
    ['a new address', { email: 'new.clerk@city-office.example.cn' }, { email: 'new.clerk@city-office.example.cn' }],
    ['the address removed', { email: null }, { email: null }],
    ['the account disabled', { disabled: true }, { disabled: true }],
    ['only the display name', { displayName: '备案科' }, 'nothing told'],
    ['the same address again', { email: 'filing.clerk@city-office.example.cn' }, 'nothing told'],
  ])('tells notification of a change of e-mail, role or state: %s', async (_label, change, told) => {
    const { id } = await newAccount('filing.clerk@city-office.example.cn');
    clock.advance(1000);
    const view = await accounts.update(cityOffice, 'city-office', id, change);
    const contacts = await contactsOf(id);
    if (told === 'nothing told') {
      expect(contacts).toHaveLength(1);
      return;
    }
    expect(contacts).toHaveLength(2);
    expect(contacts[1]).toMatchObject({ ...told, recordedAt: clock.now().toISOString() });
    expect(view.email).toEqual(contacts[1].email === null ? null : expect.stringMatching(/^[a-z]\*\*\*@city-office\.example\.cn$/));
  });

  it('tells notification when an agency admin changes a role', async () => {
    const created = await accounts.create(cityOffice, 'water-affairs-bureau', {
      username: `water-${(serial += 1)}`,
      displayName: '王小明',
      role: 'agency-staff',
      password: 'correct horse battery',
      email: 'wang@water.example.cn',
    });
    await accounts.update(cityOffice, 'water-affairs-bureau', created.id, { role: 'department-handler' });
    expect((await contactsOf(created.id)).map((c) => c.role)).toEqual(['agency-staff', 'department-handler']);
  });
});
