import { randomUUID } from 'node:crypto';
import { PlanSubmittedV1, StaffContactRecordedV1 } from '@openday/contracts';
import { waitFor } from '@openday/testing';
import { republish } from '../../test/notification-bus';
import { NotificationHarness } from '../../test/notification-harness';

/**
 * Staff told what waits for them, with the service as it runs (a process from dist/): the
 * gateway's staff accounts and a filed plan published onto JetStream, the e-mail received
 * by a real SMTP server on loopback.
 */
describe('staff told of a filed plan (real PostgreSQL, NATS and SMTP)', () => {
  const harness = new NotificationHarness({ database: 'notification_staff', replicas: 1, now: '2026-11-20T10:00:00+08:00' });

  const staff = (agencyId: string, role: StaffContactRecordedV1['role'], email: string | null, disabled = false): StaffContactRecordedV1 => ({
    accountId: randomUUID(),
    agencyId,
    role,
    email,
    disabled,
    recordedAt: '2026-11-19T02:00:00.000Z',
  });
  const clerk = staff('city-office', 'city-office', 'filing.clerk@city-office.example.cn');
  const director = staff('city-office', 'city-office', 'director@city-office.example.cn');
  const withoutAddress = staff('city-office', 'city-office', null);
  const disabledClerk = staff('city-office', 'city-office', 'former.clerk@city-office.example.cn', true);
  const agencyStaff = staff('water-affairs-bureau', 'agency-staff', 'planner@water.example.cn');
  const everyone = [clerk, director, withoutAddress, disabledClerk, agencyStaff];

  beforeAll(() => harness.start(), 120_000);
  afterAll(() => harness.stop());

  const rows = <T>(sql: string, params: unknown[] = []) => harness.rows<T>(sql, params);

  it('keeps the staff directory with e-mail addresses encrypted', async () => {
    for (const account of everyone) await harness.publish(StaffContactRecordedV1.contract, account);
    const stored = await waitFor(
      async () => {
        const found = await rows<{ email: string | null }>(`SELECT email FROM notification_staff`);
        return found.length === everyone.length && found;
      },
      { timeoutMs: 20_000, what: 'the staff directory' },
    );
    expect(stored.filter((row) => row.email !== null)).toHaveLength(4);
    for (const row of stored) expect(row.email ?? 'v1:').toMatch(/^v1:/);
    expect(JSON.stringify(stored)).not.toContain('example.cn');
  });

  it('gives a filed plan one city-office inbox message and one e-mail per enabled city-office account with an address, once under redelivery', async () => {
    const submitted = await harness.publish(PlanSubmittedV1.contract, {
      ...PlanSubmittedV1.contract.definition.example,
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂',
    });
    await republish(harness.js, harness.namespace, PlanSubmittedV1.contract, submitted);

    const deliveries = await waitFor(
      async () => {
        const found = await rows<{ channel: string; recipientKind: string; recipientId: string; status: string }>(
          `SELECT channel, recipient_kind AS "recipientKind", recipient_id AS "recipientId", status FROM notification_deliveries WHERE cause_event_id = $1`,
          [submitted.id],
        );
        return found.length === 3 && found.every((d) => d.status === 'sent') && found;
      },
      { timeoutMs: 30_000, what: 'the inbox message and two e-mails to be sent' },
    );
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { channel: 'in-app', recipientKind: 'department', recipientId: 'city-office', status: 'sent' },
        { channel: 'email', recipientKind: 'staff', recipientId: clerk.accountId, status: 'sent' },
        { channel: 'email', recipientKind: 'staff', recipientId: director.accountId, status: 'sent' },
      ]),
    );

    const inbox = await rows<{ ownerKind: string; title: string; body: string }>(
      `SELECT owner_kind AS "ownerKind", title, body FROM notification_inbox WHERE owner_id = 'city-office' AND template = 'plan-submitted'`,
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0].ownerKind).toBe('department');
    expect(inbox[0].title).toBe('待审查备案：走进自来水厂 / Plan to review: 走进自来水厂');
    expect(inbox[0].body).toContain('water-affairs-bureau 提交了活动方案“走进自来水厂”');
    expect(inbox[0].body).toContain('Please review it.');

    for (const account of [clerk, director]) {
      const mails = await waitFor(() => harness.smtp.distinctTo(account.email!).length === 1 && harness.smtp.distinctTo(account.email!), { what: `the e-mail to ${account.email}` });
      expect(mails[0].subject).toBe('待审查备案：走进自来水厂 / Plan to review: 走进自来水厂');
      expect(mails[0].text).toContain('请审查备案');
    }
    for (const account of [disabledClerk, agencyStaff]) expect(harness.smtp.messages(account.email!)).toHaveLength(0);
    expect(await rows(`SELECT 1 FROM notification_deliveries WHERE recipient_id = $1`, [withoutAddress.accountId])).toHaveLength(0);
    expect(await rows(`SELECT 1 FROM notification_inbox WHERE owner_id = 'water-affairs-bureau'`)).toHaveLength(0);
  });
});
