import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApplicationSubmittedV1, AttendeeNoShowV1, OpenDayPublishedV2, type CloudEvent } from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { EventBus, Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { applicationFor, VettingTestDatabase } from '../../test/vetting-database';
import { SelectionLedger } from '../selection-runs/selection-ledger';
import { SelectionService } from '../selection-runs/selection.service';
import { AttendeeNoShowSubscriber } from './attendee-no-show.subscriber';

const OFFICIAL_CALENDAR = { current: async () => officialCalendar() };

const SETTINGS = { mediaPlacesOutsideQuota: 2, noShowLookBackMonths: 12, parkedArrivalFlagAfterMinutes: 60, firstComeSettleMs: 0 };

describe('the no-show register fed by attendee-no-show, on PostgreSQL', () => {
  const database = new VettingTestDatabase();
  let dataSource: DataSource;
  let selection: SelectionService;
  const subscriber = new AttendeeNoShowSubscriber(undefined as unknown as EventBus);

  beforeAll(async () => {
    dataSource = await database.start('vetting_no_shows');
    const clock = new ManualClock(new Date('2026-11-21T09:00:00+08:00'));
    const outbox = new Outbox(testNamespace());
    selection = new SelectionService(new SelectionLedger(outbox, clock), outbox, SETTINGS, OFFICIAL_CALENDAR);
  });
  afterAll(() => database.stop());

  async function publish(date: string): Promise<OpenDayPublishedV2> {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date, startsAt: '09:00', endsAt: '11:30', capacity: 20 }],
      registrationOpensAt: '2026-11-20T00:00:00.000Z',
      registrationClosesAt: '2026-11-26T08:00:00.000Z',
      selectionMode: 'lottery',
    };
    await dataSource.transaction((manager) => selection.openDayPublished(manager, data));
    return data;
  }

  async function apply(openDay: OpenDayPublishedV2, personKey: string): Promise<ApplicationSubmittedV1> {
    const data = applicationFor(openDay, { personKey });
    await dataSource.transaction((manager) => selection.applicationSubmitted(manager, data));
    return data;
  }

  function noShowEvent(applicant: ApplicationSubmittedV1, sessionDate: string): CloudEvent<AttendeeNoShowV1> {
    return AttendeeNoShowV1.contract.create(
      {
        ...AttendeeNoShowV1.contract.definition.example,
        ticketId: randomUUID(),
        applicationId: applicant.applicationId,
        personId: applicant.personId,
        openDayId: applicant.openDayId,
        sessionId: applicant.sessionId,
        sessionDate,
      },
      { subject: applicant.personId },
    );
  }

  const deliver = (event: CloudEvent<AttendeeNoShowV1>) => dataSource.transaction((manager) => subscriber.handle(event, manager));

  async function statusOf(personId: string): Promise<{ status: string; reason_code: string | null }> {
    const [row] = await dataSource.query('SELECT status, reason_code FROM vetting_applicants WHERE person_id = $1', [personId]);
    return row;
  }

  it('records the person by vetting’s own person key, once however often it is delivered, and screens them out of the next open day', async () => {
    const key = 'ab'.repeat(32);
    const first = await publish('2026-11-29');
    const attended = await apply(first, key);
    const event = noShowEvent(attended, '2026-11-29');
    await deliver(event);
    await deliver(event);
    await deliver(noShowEvent(attended, '2026-11-29'));
    const rows = await dataSource.query('SELECT person_key, event_date::text AS date, open_day_id FROM no_show_register WHERE person_key = $1', [key]);
    expect(rows).toEqual([{ person_key: key, date: '2026-11-29', open_day_id: first.openDayId }]);

    const next = await publish('2027-03-01');
    const again = await apply(next, key);
    expect(await statusOf(again.personId)).toEqual({ status: 'rejected', reason_code: 'no-show-record' });
    const someoneElse = await apply(next, 'cd'.repeat(32));
    expect(await statusOf(someoneElse.personId)).toEqual({ status: 'eligible', reason_code: null });
  });

  it('no longer screens out once the no-show is older than the look-back', async () => {
    const key = 'ef'.repeat(32);
    const old = await apply(await publish('2026-11-29'), key);
    await deliver(noShowEvent(old, '2025-10-01'));
    const later = await apply(await publish('2026-12-05'), key);
    expect(await statusOf(later.personId)).toEqual({ status: 'eligible', reason_code: null });
  });

  it('refuses (for retry, then a dead letter) a no-show of a person vetting never saw', async () => {
    const stranger = { ...ApplicationSubmittedV1.contract.definition.example, personId: randomUUID() };
    await expect(deliver(noShowEvent(stranger, '2026-11-29'))).rejects.toThrow(/not known to vetting/);
  });
});
