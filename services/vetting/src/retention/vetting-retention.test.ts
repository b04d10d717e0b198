import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OpenDayPublishedV2, type ApplicationSubmittedV1 } from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { ManualClock, PersonalDataRetentionTask } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { applicationFor, VettingTestDatabase } from '../../test/vetting-database';
import { SelectionLedger } from '../selection-runs/selection-ledger';
import { SelectionService } from '../selection-runs/selection.service';
import { VettingPersonalDataEraser } from '../personal-data-requests/personal-data-erasure';
import { eraseApplicantsPastRetention } from './applicant-erasure';

const SETTINGS = { mediaPlacesOutsideQuota: 2, noShowLookBackMonths: 12, parkedArrivalFlagAfterMinutes: 60, firstComeSettleMs: 0 };
const RETENTION = { PERSONAL_DATA_RETENTION_DAYS: 183, PERSONAL_DATA_RETENTION_INTERVAL_MINUTES: 60 };

/** Retention and the citizen's erasure request on PostgreSQL, on a clock the test sets. */
// Real PostgreSQL on a 2-core machine shared with other suites: hooks and tests may take a while.
jest.setTimeout(60_000);

describe('vetting: applicants past retention, and erased on request', () => {
  const database = new VettingTestDatabase();
  let dataSource: DataSource;
  let selection: SelectionService;
  const clock = new ManualClock(new Date('2026-05-01T09:00:00+08:00'));

  beforeAll(async () => {
    dataSource = await database.start('vetting_retention');
    const outbox = new Outbox(testNamespace());
    selection = new SelectionService(new SelectionLedger(outbox, clock), outbox, SETTINGS, { current: async () => officialCalendar() });
  });
  afterAll(() => database.stop());

  async function publish(dates: string[]): Promise<OpenDayPublishedV2> {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      sessions: dates.map((date) => ({ sessionId: randomUUID(), date, startsAt: '09:00', endsAt: '11:30', capacity: 20 })),
      registrationOpensAt: '2026-04-20T00:00:00.000Z',
      registrationClosesAt: '2026-05-20T08:00:00.000Z',
      selectionMode: 'lottery',
    };
    await dataSource.transaction((manager) => selection.openDayPublished(manager, data));
    return data;
  }

  async function apply(openDay: OpenDayPublishedV2, sessionIndex = 0): Promise<ApplicationSubmittedV1> {
    const data = applicationFor(openDay, { sessionId: openDay.sessions[sessionIndex].sessionId });
    await dataSource.transaction((manager) => selection.applicationSubmitted(manager, data));
    return data;
  }

  const applicant = async (personId: string) =>
    (await dataSource.query(`SELECT masked_name, masked_id_number, birth_date::text, note, person_key, personal_data_erased_at FROM vetting_applicants WHERE person_id = $1`, [personId]))[0];

  it('erases the applicants of open days 183 days past their last day, keeps person keys and the rest, and is idempotent', async () => {
    const past = await publish(['2026-05-30', '2026-05-31']);
    const recent = await publish(['2026-05-31', '2026-06-01']);
    const pastApplicants = [await apply(past, 0), await apply(past, 1)];
    const recentApplicant = await apply(recent, 0);

    clock.set('2026-11-30T16:00:00Z'); // 1 December 00:00 in Shanghai
    const task = new PersonalDataRetentionTask(dataSource, clock, RETENTION, eraseApplicantsPastRetention);
    expect(await task.runOnce()).toBe(2);
    for (const person of pastApplicants) {
      expect(await applicant(person.personId)).toMatchObject({ masked_name: '*', masked_id_number: '*', note: null, person_key: person.personKey });
      expect((await applicant(person.personId)).birth_date).toMatch(/^\d{4}-01-01$/);
    }
    expect(await applicant(recentApplicant.personId)).toMatchObject({ masked_name: recentApplicant.maskedName, personal_data_erased_at: null });
    expect(await task.runOnce()).toBe(0);
  });

  it('erases a citizen’s applicants on request, keeping those of an open day in progress and naming a kept no-show', async () => {
    clock.set('2026-06-10T09:00:00+08:00');
    const ended = await publish(['2026-06-05']);
    const inProgress = await publish(['2026-06-10']);
    const endedApplicant = await apply(ended);
    const inProgressApplicant = await apply(inProgress);
    await dataSource.query(`INSERT INTO no_show_register (person_key, event_date, open_day_id) VALUES ($1, '2026-06-05', $2)`, [endedApplicant.personKey, ended.openDayId]);

    const eraser = new VettingPersonalDataEraser(dataSource, clock);
    const request = { accountId: randomUUID(), applicationIds: [endedApplicant.applicationId, inProgressApplicant.applicationId], personKeys: [] };
    expect(await eraser.erase(request)).toEqual({
      service: 'vetting',
      erased: 1,
      kept: [
        { applicationId: inProgressApplicant.applicationId, reason: 'open-day-in-progress' },
        { applicationId: endedApplicant.applicationId, reason: 'no-show-register' },
      ],
    });
    expect((await applicant(endedApplicant.personId)).masked_name).toBe('*');
    expect((await applicant(inProgressApplicant.personId)).masked_name).toBe(inProgressApplicant.maskedName);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM no_show_register WHERE person_key = $1`, [endedApplicant.personKey])).toEqual([{ n: 1 }]);
    expect((await eraser.erase(request)).erased).toBe(0);
  });
});
