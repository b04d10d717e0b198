import { randomUUID } from 'node:crypto';
import { OpenDayChangedV2, OpenDayChangeFiledV1, OpenDayChangeReturnedV1, PlanSubmittedV1, StaffContactRecordedV1 } from '@openday/contracts';
import { republish, waitFor } from '@openday/testing';
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

  it('tells the city office of a filed open-day change, and the agency of its return with the comments and of its approval; a change without review tells nobody', async () => {
    const ref = { ...OpenDayChangeFiledV1.contract.definition.example, changeId: randomUUID(), agencyId: 'water-affairs-bureau', title: '走进自来水厂' };
    const filed = await harness.publish(OpenDayChangeFiledV1.contract, { ...ref, changedFields: ['sessions'], reason: '上午水厂检修，改为下午' });
    const returned = await harness.publish(OpenDayChangeReturnedV1.contract, {
      ...OpenDayChangeReturnedV1.contract.definition.example,
      changeId: ref.changeId,
      agencyId: ref.agencyId,
      title: ref.title,
      changedFields: ['sessions'],
      comments: '请说明下午场的集合时间',
      returnedAt: '2026-11-20T03:00:00.000Z',
    });
    const change = { ...OpenDayChangedV2.contract.definition.example, agencyId: 'water-affairs-bureau', title: '走进自来水厂' };
    const approved = await harness.publish(OpenDayChangedV2.contract, { ...change, review: 'approved-by-city-office' });
    const unreviewed = await harness.publish(OpenDayChangedV2.contract, { ...change, changedFields: ['notices'], review: 'not-required' });

    const sent = (eventId: string, n: number) =>
      waitFor(
        async () => {
          const found = await rows<{ channel: string; recipientId: string; status: string }>(
            `SELECT channel, recipient_id AS "recipientId", status FROM notification_deliveries WHERE cause_event_id = $1 ORDER BY channel`,
            [eventId],
          );
          return found.length === n && found.every((d) => d.status === 'sent') && found;
        },
        { timeoutMs: 30_000, what: `${n} deliveries of ${eventId}` },
      );
    expect(await sent(filed.id, 3)).toEqual([
      expect.objectContaining({ channel: 'email', recipientId: expect.any(String) }),
      expect.objectContaining({ channel: 'email', recipientId: expect.any(String) }),
      { channel: 'in-app', recipientId: 'city-office', status: 'sent' },
    ]);
    expect(await sent(returned.id, 2)).toEqual([
      { channel: 'email', recipientId: agencyStaff.accountId, status: 'sent' },
      { channel: 'in-app', recipientId: 'water-affairs-bureau', status: 'sent' },
    ]);
    expect(await sent(approved.id, 2)).toEqual([
      { channel: 'email', recipientId: agencyStaff.accountId, status: 'sent' },
      { channel: 'in-app', recipientId: 'water-affairs-bureau', status: 'sent' },
    ]);
    await waitFor(async () => (await rows(`SELECT 1 FROM inbox WHERE event_id = $1`, [unreviewed.id])).length > 0, { what: 'the unreviewed change handled' });
    expect(await rows(`SELECT 1 FROM notification_deliveries WHERE cause_event_id = $1`, [unreviewed.id])).toHaveLength(0);

    const inbox = await rows<{ ownerId: string; template: string; body: string }>(
      `SELECT owner_id AS "ownerId", template, body FROM notification_inbox WHERE template LIKE 'open-day-change-%' ORDER BY template`,
    );
    expect(inbox.map((m) => [m.ownerId, m.template])).toEqual([
      ['water-affairs-bureau', 'open-day-change-approved'],
      ['city-office', 'open-day-change-filed'],
      ['water-affairs-bureau', 'open-day-change-returned'],
    ]);
    expect(inbox[1].body).toContain('变更理由：上午水厂检修，改为下午');
    expect(inbox[2].body).toContain('意见：请说明下午场的集合时间');
    const agencyMails = await waitFor(() => harness.smtp.distinctTo(agencyStaff.email!).length === 2 && harness.smtp.distinctTo(agencyStaff.email!), {
      what: 'the two e-mails to the agency',
    });
    expect(agencyMails.map((m) => m.subject).sort()).toEqual(['开放日变更已生效：走进自来水厂 / Open-day change approved: 走进自来水厂', '开放日变更被退回：走进自来水厂 / Open-day change returned: 走进自来水厂']);
  });
});
