import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ApplicationSubmittedV1,
  ApplicationWithdrawnV1,
  ContactDetailsRecordedV1,
  OpenDayCancelledV1,
  OpenDayChangedV2,
  OpenDayPublishedV1,
  OpenDayPublishedV2,
  buildCloudEvent,
  type Actor,
  type ApplicantInput,
  type ApplicationInput,
  type ApplicationView,
  problemEntry,
} from '@openday/contracts';
import { addDays, residentIdCheckCharacter, shanghaiDateOf, toCalendarDate } from '@openday/domain';
import { EventBus, MessagingTables1763900000000, Outbox } from '@openday/messaging';
import { FieldCipher, KeyedHasher, ProblemException } from '@openday/platform';
import { createTestDatabase, testInfrastructure, testNamespace, type TestDatabase, type TestInfrastructure } from '@openday/testing';
import { registrationDatabase } from '../registration.database';
import { OpenDayPublishedSubscriber } from '../published-open-days/open-day-published.subscriber';
import { PublishedOpenDayCache } from '../published-open-days/published-open-day-cache';
import { ApplicationsService } from './applications.service';

const DAY = 86_400_000;
const today = shanghaiDateOf(new Date());
const EVENT_DATE = addDays(toCalendarDate(today), 30);

function residentId(birthDate: string, sequence = '123'): string {
  const first17 = `110105${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A different valid person for each n (born on different days of 1980-1999). */
function idFor(n: number): string {
  return residentId(addDays('1980-01-01', n * 7), String(100 + (n % 800)).padStart(3, '0'));
}

/** Someone who turns `age` exactly on the event day, shifted by `offsetDays`. */
function bornTurning(age: number, offsetDays = 0): string {
  const [y, m, d] = EVENT_DATE.split('-');
  return addDays(toCalendarDate(`${Number(y) - age}-${m}-${d}`), offsetDays);
}

function person(overrides: Partial<ApplicantInput> = {}): ApplicantInput {
  return {
    name: '张小三',
    idNumber: idFor(1),
    mobile: '13812345678',
    category: 'ordinary-citizen',
    district: 'gulou',
    privacyConsent: true,
    ...overrides,
  };
}

const citizen = (): Actor => ({ userId: randomUUID(), role: 'citizen' });

describe('ApplicationsService on PostgreSQL', () => {
  let infra: TestInfrastructure;
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: ApplicationsService;
  let subscriber: OpenDayPublishedSubscriber;
  const hasher = new KeyedHasher(randomBytes(32));
  const cipher = FieldCipher.withKey(randomBytes(32));
  let now = new Date();

  beforeAll(async () => {
    infra = await testInfrastructure();
    database = await createTestDatabase(infra.adminDatabaseUrl, 'registration_applications');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [MessagingTables1763900000000, ...registrationDatabase.migrations],
      migrationsRun: true,
      extra: { max: 20 },
    }).initialize();
    service = new ApplicationsService(dataSource, new Outbox(testNamespace()), { cipher, hasher }, { now: () => now }, new PublishedOpenDayCache(dataSource));
    subscriber = new OpenDayPublishedSubscriber(undefined as unknown as EventBus);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await infra.stop();
  });
  beforeEach(() => {
    now = new Date();
  });

  /** Publishes an open day into registration's copy the way the consumer does. */
  async function publish(overrides: Partial<OpenDayPublishedV2> = {}): Promise<OpenDayPublishedV2> {
    const data: OpenDayPublishedV2 = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: randomUUID(),
      planId: randomUUID(),
      sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 20 }],
      registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
      registrationClosesAt: new Date(Date.now() + 5 * DAY).toISOString(),
      quotas: [
        { category: 'ordinary-citizen', places: 10 },
        { category: 'party-member', places: 5 },
      ],
      ...overrides,
    };
    const event = OpenDayPublishedV2.contract.create(data, { subject: data.openDayId });
    await dataSource.transaction((manager) => subscriber.handle(event, manager));
    return data;
  }

  function submit(openDayId: string, application: ApplicationInput, actor = citizen(), idempotencyKey?: string): Promise<ApplicationView> {
    return service.submit({ actor, openDayId, application, idempotencyKey });
  }

  async function problemOf(promise: Promise<unknown>): Promise<ProblemException> {
    try {
      await promise;
    } catch (err) {
      if (err instanceof ProblemException) return err;
      throw err;
    }
    throw new Error('expected a problem');
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return n;
  }

  async function outbox(type: string, aggregateId: string): Promise<Array<{ subject: string; payload: { data: Record<string, unknown> } }>> {
    return dataSource.query('SELECT subject, payload FROM outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY seq', [type, aggregateId]);
  }

  describe('the local copy of published open days', () => {
    it('follows a change (v2): sessions added, removed, moved and resized, eligibility and quotas, and checks applications against it', async () => {
      const data = await publish({ eligibility: { minAge: 18, maxAge: 65, districts: ['gulou'] } });
      const later = addDays(EVENT_DATE, 7);
      const moved = { ...data.sessions[0], date: later, startsAt: '14:00', endsAt: '16:30', capacity: 12 };
      const added = { sessionId: randomUUID(), date: addDays(EVENT_DATE, 8), startsAt: '09:00', endsAt: '11:30', capacity: 8 };
      const change = OpenDayChangedV2.contract.create(
        {
          ...OpenDayChangedV2.contract.definition.example,
          openDayId: data.openDayId,
          planId: data.planId,
          changedFields: ['sessions', 'eligibility'],
          sessions: [added, moved],
          eligibility: { minAge: 20, maxAge: 60, districts: ['gulou', 'taijiang'] },
          quotas: [{ category: 'ordinary-citizen', places: 20 }],
        },
        { subject: data.openDayId },
      );
      await dataSource.transaction((manager) => subscriber.handle(change, manager));
      const [row] = await dataSource.query('SELECT *, date::text AS date FROM published_open_days WHERE id = $1', [data.openDayId]);
      expect(row).toMatchObject({
        date: later,
        sessions: [moved, added],
        min_age: 20,
        max_age: 60,
        districts: ['gulou', 'taijiang'],
        quotas: [{ category: 'ordinary-citizen', places: 20 }],
      });

      const inAddedSession = await submit(data.openDayId, { channel: 'self', sessionId: added.sessionId, applicant: person({ idNumber: idFor(40) }) });
      expect(inAddedSession.sessionId).toBe(added.sessionId);
      // Turns 19 on the first date: 18+ before the change, below its new minimum of 20 now.
      const tooYoung = await problemOf(submit(data.openDayId, { channel: 'self', sessionId: moved.sessionId, applicant: person({ idNumber: residentId(bornTurning(19)) }) }));
      expect(tooYoung.problem.errors).toEqual([expect.objectContaining({ rule: 'ageOnEventDay' })]);
      const partyMember = await problemOf(submit(data.openDayId, { channel: 'self', sessionId: added.sessionId, applicant: person({ idNumber: idFor(41), category: 'party-member' }) }));
      expect(partyMember.problem.errors).toEqual([expect.objectContaining({ field: 'applicant.category', rule: 'categoryOffered' })]);
    });

    it('checks each application against the open day as it now is, also on a replica that read it before a cancellation', async () => {
      const { openDayId } = await publish();
      const otherReplica = new ApplicationsService(dataSource, new Outbox(testNamespace()), { cipher, hasher }, { now: () => now }, new PublishedOpenDayCache(dataSource));
      await otherReplica.submit({ actor: citizen(), openDayId, application: { channel: 'self', applicant: person({ idNumber: residentId('1980-01-01', '101') }) } });
      const cancelled = OpenDayCancelledV1.contract.create(
        { ...OpenDayCancelledV1.contract.definition.example, openDayId, cancelledAt: new Date().toISOString() },
        { subject: openDayId },
      );
      await dataSource.transaction((manager) => subscriber.handle(cancelled, manager));
      const problem = await problemOf(
        otherReplica.submit({ actor: citizen(), openDayId, application: { channel: 'self', applicant: person({ idNumber: residentId('1980-01-02', '102') }) } }),
      );
      expect(problem.problem).toMatchObject({ status: 422, type: problemEntry('open-day-cancelled').type });
      expect(await count('applications WHERE open_day_id = $1', [openDayId])).toBe(1);
    });

    it('takes an application to a session a change added, also on a replica that read the open day before the change', async () => {
      const first = { sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 10 };
      const data = await publish({ sessions: [first] });
      const otherReplica = new ApplicationsService(dataSource, new Outbox(testNamespace()), { cipher, hasher }, { now: () => now }, new PublishedOpenDayCache(dataSource));
      await otherReplica.submit({ actor: citizen(), openDayId: data.openDayId, application: { channel: 'self', sessionId: first.sessionId, applicant: person({ idNumber: residentId('1980-02-01', '111') }) } });
      const added = { sessionId: randomUUID(), date: EVENT_DATE, startsAt: '14:00', endsAt: '16:30', capacity: 10 };
      const change = OpenDayChangedV2.contract.create(
        { ...OpenDayChangedV2.contract.definition.example, openDayId: data.openDayId, planId: data.planId, sessions: [first, added], removedSessionIds: [] },
        { subject: data.openDayId },
      );
      await dataSource.transaction((manager) => subscriber.handle(change, manager));
      const view = await otherReplica.submit({
        actor: citizen(),
        openDayId: data.openDayId,
        application: { channel: 'self', sessionId: added.sessionId, applicant: person({ idNumber: residentId('1980-02-02', '112') }) },
      });
      expect(view).toMatchObject({ sessionId: added.sessionId, status: 'submitted' });
    });

    it('refuses applications to a session a change removed', async () => {
      const kept = { sessionId: randomUUID(), date: EVENT_DATE, startsAt: '14:00', endsAt: '16:30', capacity: 10 };
      const data = await publish({ sessions: [{ sessionId: randomUUID(), date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 10 }, kept] });
      const removed = data.sessions[0].sessionId;
      const change = OpenDayChangedV2.contract.create(
        { ...OpenDayChangedV2.contract.definition.example, openDayId: data.openDayId, planId: data.planId, sessions: [kept], removedSessionIds: [removed] },
        { subject: data.openDayId },
      );
      await dataSource.transaction((manager) => subscriber.handle(change, manager));
      const problem = await problemOf(submit(data.openDayId, { channel: 'self', sessionId: removed, applicant: person({ idNumber: idFor(42) }) }));
      expect(problem.problem.errors).toEqual([expect.objectContaining({ field: 'sessionId', rule: 'sessionOfOpenDay' })]);
      expect((await submit(data.openDayId, { channel: 'self', applicant: person({ idNumber: idFor(43) }) })).sessionId).toBe(kept.sessionId);
    });

    it('keeps sessions, window, eligibility and quota categories from v2, and a later v1 keeps them', async () => {
      const data = await publish({ eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] } });
      const v1 = buildCloudEvent(OpenDayPublishedV1.contract.source, OpenDayPublishedV1.contract.type, {
        openDayId: data.openDayId,
        title: data.title,
        agencyId: data.agencyId,
        date: EVENT_DATE,
        publishedAt: data.publishedAt,
      }, { subject: data.openDayId });
      await dataSource.transaction((manager) => subscriber.handle(v1, manager));
      const rows = await dataSource.query('SELECT *, date::text AS date FROM published_open_days WHERE id = $1', [data.openDayId]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        date: EVENT_DATE,
        plan_id: data.planId,
        min_age: 18,
        max_age: 65,
        districts: ['gulou', 'taijiang'],
        sessions: data.sessions,
        quotas: data.quotas,
        media_outside_quota: true,
        selection_mode: 'lottery',
      });
      expect(rows[0].registration_closes_at.toISOString()).toBe(data.registrationClosesAt);
    });
  });

  describe('submitting', () => {
    it('stores a self-recommended application encrypted and emits application-submitted (internal, no raw ID or phone)', async () => {
      const { openDayId, sessions } = await publish();
      const idNumber = residentId('1990-03-07', '456');
      const view = await submit(openDayId, { channel: 'self', applicant: person({ idNumber, mobile: '+86 139-1234-5678' }) });
      expect(view).toMatchObject({
        openDayId,
        sessionId: sessions[0].sessionId,
        sessionDate: EVENT_DATE,
        channel: 'self',
        status: 'submitted',
        withdrawnAt: null,
        people: [{ name: '张小三', maskedIdNumber: `110105********${idNumber.slice(-4)}`, maskedMobile: '139****5678', category: 'ordinary-citizen', district: 'gulou' }],
      });

      const [stored] = await dataSource.query('SELECT * FROM application_people WHERE application_id = $1', [view.id]);
      expect(stored.id_number).toMatch(/^v1:/);
      expect(stored.mobile).toMatch(/^v1:/);
      expect(JSON.stringify(stored)).not.toMatch(new RegExp(`${idNumber}|13912345678`));
      expect(stored.person_key).toBe(hasher.hash(idNumber));

      const events = await outbox(ApplicationSubmittedV1.contract.type, view.id);
      expect(events).toHaveLength(1);
      expect(events[0].subject).toMatch(/^t[0-9a-f]+_internal\.registration\.application-submitted\.v1$/);
      expect(events[0].payload.data).toEqual({
        applicationId: view.id,
        personId: view.people[0].personId,
        openDayId,
        sessionId: sessions[0].sessionId,
        channel: 'self',
        recommendingOrganisation: null,
        unit: null,
        personKey: hasher.hash(idNumber),
        maskedName: '张*三',
        maskedIdNumber: `110105********${idNumber.slice(-4)}`,
        birthDate: '1990-03-07',
        ageOnEventDay: expect.any(Number),
        category: 'ordinary-citizen',
        district: 'gulou',
        arrivalSequence: expect.any(Number),
        submittedAt: view.submittedAt,
      });
      expect(JSON.stringify(events)).not.toMatch(new RegExp(`${idNumber}|13912345678`));
    });

    it('stores an organisation-recommended application with the organisation', async () => {
      const { openDayId } = await publish();
      const view = await submit(openDayId, { channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会', applicant: person({ category: 'party-member' }) });
      expect(view).toMatchObject({ channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会', unit: null });
      const [event] = await outbox(ApplicationSubmittedV1.contract.type, view.id);
      expect(event.payload.data).toMatchObject({ channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会', category: 'party-member' });
    });

    it('stores a group application with one event per member, in arrival order', async () => {
      const { openDayId } = await publish();
      const members = [0, 1, 2].map((n) => person({ idNumber: idFor(100 + n), name: `成员${n}号` }));
      const view = await submit(openDayId, { channel: 'group', unit: { name: '温泉街道社区服务中心', creditCode: '91350100m000100y43' }, members });
      expect(view.unit).toEqual({ name: '温泉街道社区服务中心', creditCode: '91350100M000100Y43' });
      expect(view.people.map((p) => p.name)).toEqual(['成员0号', '成员1号', '成员2号']);
      const events = await outbox(ApplicationSubmittedV1.contract.type, view.id);
      expect(events.map((e) => e.payload.data.personKey)).toEqual(members.map((m) => hasher.hash(m.idNumber)));
      const sequences = events.map((e) => e.payload.data.arrivalSequence as number);
      expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
      // Each event carries the sequence its person's row drew, in the same statement.
      const rows: Array<{ id: string; arrival_sequence: string }> = await dataSource.query(
        'SELECT id, arrival_sequence FROM application_people WHERE application_id = $1 ORDER BY position',
        [view.id],
      );
      expect(events.map((e) => [e.payload.data.personId, e.payload.data.arrivalSequence])).toEqual(rows.map((r) => [r.id, Number(r.arrival_sequence)]));
      expect(new Set(events.map((e) => e.payload.data.applicationId))).toEqual(new Set([view.id]));
    });

    it('records contact details (e-mail encrypted, language) per person in the submission transaction, for the submitting citizen', async () => {
      const { openDayId } = await publish();
      const actor = citizen();
      const members = [
        person({ idNumber: idFor(150), name: '李四', mobile: '13912340001', email: ' lisi@example.cn ', language: 'en' }),
        person({ idNumber: idFor(151), name: '王五', mobile: '13912340002' }),
      ];
      const view = await submit(openDayId, { channel: 'group', unit: { name: '温泉街道社区服务中心', creditCode: '91350100M000100Y43' }, members }, actor);
      expect(view.people.map((p) => p.maskedEmail)).toEqual(['l***@example.cn', null]);

      const stored = await dataSource.query('SELECT id, email, language FROM application_people WHERE application_id = $1 ORDER BY position', [view.id]);
      expect(stored[0].email).toMatch(/^v1:/);
      expect(stored[0].email).not.toContain('lisi');
      expect(stored.map((row: { email: string | null; language: string }) => [row.email === null, row.language])).toEqual([
        [false, 'en'],
        [true, 'zh-CN'],
      ]);

      const events = await outbox(ContactDetailsRecordedV1.contract.type, view.id);
      expect(events[0].subject).toMatch(/^t[0-9a-f]+_internal\.registration\.contact-details-recorded\.v1$/);
      expect(events.map((e) => e.payload.data)).toEqual([
        { applicationId: view.id, personId: view.people[0].personId, openDayId, applicantUserId: actor.userId, name: '李四', mobile: '13912340001', email: 'lisi@example.cn', language: 'en', recordedAt: view.submittedAt },
        { applicationId: view.id, personId: view.people[1].personId, openDayId, applicantUserId: actor.userId, name: '王五', mobile: '13912340002', email: null, language: 'zh-CN', recordedAt: view.submittedAt },
      ]);

      // Name, mobile and e-mail are in the clear here: the relay deletes these rows the moment it publishes them.
      expect(ContactDetailsRecordedV1.contract.definition.sensitive).toBe(true);
    });

    it('refuses a whole group when one member is not eligible, storing nothing', async () => {
      const { openDayId } = await publish({ eligibility: { minAge: 18, maxAge: 65, districts: [] } });
      const members = [person({ idNumber: idFor(200) }), person({ idNumber: residentId(bornTurning(18, 1)) }), person({ idNumber: idFor(201) })];
      const problem = await problemOf(submit(openDayId, { channel: 'group', unit: { name: '某单位', creditCode: '91350100M000100Y43' }, members }));
      expect(problem.problem).toMatchObject({ status: 422, type: problemEntry('ineligible-applicant').type, errors: [{ field: 'members[1].idNumber', rule: 'ageOnEventDay' }] });
      expect(await count('application_people WHERE open_day_id = $1', [openDayId])).toBe(0);
      expect(await count('applications WHERE open_day_id = $1', [openDayId])).toBe(0);
      // The eligible members can still apply: nothing of the refused group was kept.
      await submit(openDayId, { channel: 'self', applicant: members[0] });
    });

    it('refuses a group whose member already applied, naming the member, storing nothing more', async () => {
      const { openDayId } = await publish();
      await submit(openDayId, { channel: 'self', applicant: person({ idNumber: idFor(300) }) });
      const members = [person({ idNumber: idFor(301) }), person({ idNumber: idFor(300) })];
      const problem = await problemOf(submit(openDayId, { channel: 'group', unit: { name: '某单位', creditCode: '91350100M000100Y43' }, members }));
      expect(problem.problem).toMatchObject({ status: 409, type: problemEntry('duplicate-application').type, errors: [{ field: 'members[1].idNumber', rule: 'onePerPerson' }] });
      expect(await count('application_people WHERE open_day_id = $1', [openDayId])).toBe(1);
    });

    it('treats an ID with x and with X as the same person', async () => {
      const { openDayId } = await publish({ eligibility: { minAge: 18, maxAge: null, districts: [] } });
      await submit(openDayId, { channel: 'self', applicant: person({ idNumber: '11010519491231002x' }) });
      const problem = await problemOf(submit(openDayId, { channel: 'self', applicant: person({ idNumber: '11010519491231002X', name: '另一人' }) }));
      expect(problem.problem).toMatchObject({ status: 409, errors: [{ field: 'applicant.idNumber', rule: 'onePerPerson' }] });
    });

    it('stores exactly one of 20 parallel submissions of the same person', async () => {
      const { openDayId } = await publish();
      const applicant = person({ idNumber: idFor(400) });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          submit(openDayId, { channel: 'self', applicant: { ...applicant, idNumber: i % 2 ? applicant.idNumber.toLowerCase() : applicant.idNumber } }),
        ),
      );
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const statuses = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as ProblemException).getStatus()] : []));
      expect(fulfilled).toHaveLength(1);
      expect(statuses).toEqual(Array(19).fill(409));
      expect(await count('application_people WHERE open_day_id = $1', [openDayId])).toBe(1);
      expect(await count('applications WHERE open_day_id = $1', [openDayId])).toBe(1);
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND payload->'data'->>'openDayId' = $2`,
        [ApplicationSubmittedV1.contract.type, openDayId],
      );
      expect(n).toBe(1);
    });

    it('refuses a late application, saying the window closed and when', async () => {
      const closes = new Date(Date.now() - 60_000);
      const { openDayId } = await publish({ registrationOpensAt: new Date(Date.now() - 3 * DAY).toISOString(), registrationClosesAt: closes.toISOString() });
      const problem = await problemOf(submit(openDayId, { channel: 'self', applicant: person() }));
      expect(problem.problem).toMatchObject({ status: 422, type: problemEntry('registration-closed').type });
      expect(problem.problem.detail).toContain(closes.toISOString());
      expect(await count('applications WHERE open_day_id = $1', [openDayId])).toBe(0);
    });

    it('refuses before the window opens, saying when it opens', async () => {
      const opens = new Date(Date.now() + DAY);
      const { openDayId } = await publish({ registrationOpensAt: opens.toISOString(), registrationClosesAt: new Date(Date.now() + 3 * DAY).toISOString() });
      const problem = await problemOf(submit(openDayId, { channel: 'self', applicant: person() }));
      expect(problem.problem).toMatchObject({ status: 422, type: problemEntry('registration-not-open').type });
      expect(problem.problem.detail).toContain(opens.toISOString());
    });

    it('answers 404 for an unknown open day and 422 for one without a window (v1 only)', async () => {
      expect((await problemOf(submit(randomUUID(), { channel: 'self', applicant: person() }))).getStatus()).toBe(404);
      const id = randomUUID();
      const v1 = buildCloudEvent(OpenDayPublishedV1.contract.source, OpenDayPublishedV1.contract.type, {
        openDayId: id, title: 'v1 only', agencyId: 'tax-bureau', date: EVENT_DATE, publishedAt: new Date().toISOString(),
      }, { subject: id });
      await dataSource.transaction((manager) => subscriber.handle(v1, manager));
      expect((await problemOf(submit(id, { channel: 'self', applicant: person() }))).problem.type).toBe(problemEntry('not-taking-applications').type);
    });

    it('refuses staff: applications are for citizens', async () => {
      const { openDayId } = await publish();
      const problem = await problemOf(submit(openDayId, { channel: 'self', applicant: person() }, { userId: randomUUID(), role: 'agency-staff', agencyId: 'tax-bureau' }));
      expect(problem.getStatus()).toBe(403);
    });

    it('returns the first result for a retried Idempotency-Key, and refuses the key for another request', async () => {
      const { openDayId } = await publish();
      const actor = citizen();
      const application: ApplicationInput = { channel: 'self', applicant: person({ idNumber: idFor(500) }) };
      const first = await submit(openDayId, application, actor, 'key-1');
      const retries = await Promise.all([1, 2, 3].map(() => submit(openDayId, application, actor, 'key-1')));
      expect(retries).toEqual([first, first, first]);
      const other = await problemOf(submit(openDayId, { channel: 'self', applicant: person({ idNumber: idFor(501) }) }, actor, 'key-1'));
      expect(other.problem.type).toBe(problemEntry('idempotency-key-reused').type);
      expect(await count('applications WHERE open_day_id = $1', [openDayId])).toBe(1);
    });
  });

  describe('listing and withdrawing', () => {
    it('shows a citizen all their applications and states, newest first, page by page', async () => {
      const actor = citizen();
      const days = await Promise.all([publish(), publish(), publish()]);
      const made: ApplicationView[] = [];
      for (const [i, day] of days.entries()) made.push(await submit(day.openDayId, { channel: 'self', applicant: person({ idNumber: idFor(600 + i) }) }, actor));
      await service.withdraw({ actor, applicationId: made[1].id });
      await submit(days[0].openDayId, { channel: 'self', applicant: person({ idNumber: idFor(700) }) }); // someone else's

      const first = await service.listMine({ actor, limit: 2 });
      expect(first.items.map((a) => [a.id, a.status])).toEqual([[made[2].id, 'submitted'], [made[1].id, 'withdrawn']]);
      const second = await service.listMine({ actor, limit: 2, cursor: first.nextCursor! });
      expect(second).toEqual({ items: [expect.objectContaining({ id: made[0].id, status: 'submitted', openDayTitle: days[0].title })], nextCursor: null });
      expect(JSON.stringify([first, second])).not.toMatch(/13812345678|110105\d{12}/);
      await expect(service.listMine({ actor, cursor: 'junk' })).rejects.toMatchObject({ status: 400 });
    });

    it('withdraws: emits application-withdrawn (public), frees the person to apply again, and repeats harmlessly', async () => {
      const { openDayId } = await publish();
      const actor = citizen();
      const applicant = person({ idNumber: idFor(800) });
      const view = await submit(openDayId, { channel: 'self', applicant }, actor);
      const withdrawn = await service.withdraw({ actor, applicationId: view.id });
      expect(withdrawn).toMatchObject({ id: view.id, status: 'withdrawn', withdrawnAt: expect.any(String) });
      const again = await service.withdraw({ actor, applicationId: view.id });
      expect(again).toEqual(withdrawn);
      const events = await outbox(ApplicationWithdrawnV1.contract.type, view.id);
      expect(events).toHaveLength(1);
      expect(events[0].subject).toMatch(/^t[0-9a-f]+\.registration\.application-withdrawn\.v1$/);
      expect(events[0].payload.data).toEqual({ applicationId: view.id, openDayId, withdrawnAt: withdrawn.withdrawnAt });

      const reapplied = await submit(openDayId, { channel: 'self', applicant }, actor);
      expect(reapplied.status).toBe('submitted');
    });

    it('withdraws a whole group', async () => {
      const { openDayId } = await publish();
      const actor = citizen();
      const members = [person({ idNumber: idFor(900) }), person({ idNumber: idFor(901) })];
      const view = await submit(openDayId, { channel: 'group', unit: { name: '某单位', creditCode: '91350100M000100Y43' }, members }, actor);
      await service.withdraw({ actor, applicationId: view.id });
      expect(await count('application_people WHERE application_id = $1 AND active', [view.id])).toBe(0);
    });

    it('answers 404 for someone else’s application and refuses after the open day', async () => {
      const { openDayId } = await publish();
      const actor = citizen();
      const view = await submit(openDayId, { channel: 'self', applicant: person({ idNumber: idFor(950) }) }, actor);
      await expect(service.withdraw({ actor: citizen(), applicationId: view.id })).rejects.toMatchObject({ status: 404 });
      now = new Date(Date.now() + 40 * DAY);
      const problem = await problemOf(service.withdraw({ actor, applicationId: view.id }));
      expect(problem.problem).toMatchObject({ status: 422, type: problemEntry('open-day-passed').type });
      expect(await count('applications WHERE id = $1 AND status = $2', [view.id, 'submitted'])).toBe(1);
    });
  });
});
