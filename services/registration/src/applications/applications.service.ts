import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import {
  ApplicationSubmittedV1,
  ApplicationWithdrawnV1,
  ContactDetailsRecordedV1,
  type Actor,
  type ApplicationPage,
  type ApplicationView,
  type ListMyApplicationsRequest,
  type SubmitApplicationRequest,
  type WithdrawApplicationRequest,
} from '@openday/contracts';
import { maskEmail, maskMobile, maskResidentId, shanghaiDateOf } from '@openday/domain';
import { Outbox } from '@openday/messaging';
import { Clock, keysetCursor, PERSONAL_DATA, problem, ProblemException, type PersonalDataProtection } from '@openday/platform';
import { publishedOpenDaysByIds } from '../published-open-days/published-open-day-store';
import { PublishedOpenDayCache, type VersionedOpenDay } from '../published-open-days/published-open-day-cache';
import {
  activePersonKeys,
  findByIdempotencyKey,
  insertSubmission,
  listApplicationsOf,
  lockOwnApplication,
  peopleOfApplications,
  withdrawApplication,
  type Application,
  type ApplicationPerson,
  type NewApplication,
  type NewApplicationPerson,
  type SubmissionEvent,
} from './application-store';
import { checkPeople, checkRegistrationWindow, pickSession } from './application-refusals';
import { eligibilityOf, type CheckedPerson } from './application-rules';


const DEFAULT_PAGE_SIZE = 20;
const ONE_PER_PERSON_INDEX = 'application_people_one_per_person_idx';
/** An open day changing under an application more often than this in a row is not ordinary. */
const MAX_ATTEMPTS = 5;
/** What application-submitted carries until the store gives it the person's arrival sequence (the schema wants ≥ 1). */
const ARRIVAL_PLACEHOLDER = 1;

const MY_APPLICATION_PAGES = keysetCursor('my-applications', ['sequence']);

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataProtection,
    private readonly clock: Clock,
    private readonly openDays: PublishedOpenDayCache,
  ) {}

  /**
   * Checks the whole application (all or nothing), then stores it and its events
   * (application-submitted and contact-details-recorded per person) in one
   * statement (insertSubmission). The partial unique index on (open day,
   * person key) makes a second application by the same person fail whatever the
   * concurrency; the open day is checked as cached, and the application is only
   * written while the open day's row is still the version checked.
   */
  async submit(request: SubmitApplicationRequest): Promise<ApplicationView> {
    assertCitizen(request.actor);
    const fingerprint = request.idempotencyKey ? this.fingerprint(request) : null;
    try {
      for (let attempt = 1; ; attempt++) {
        const cached = await this.openDays.get(request.openDayId);
        if (!cached) throw problem('not-found', { detail: `No published open day ${request.openDayId}.` });
        const stored = await this.store(request, fingerprint, cached, attempt === 1);
        if (stored) return stored;
        // The open day changed since it was read, or a copy that may be stale refused the application
        // (e.g. a session added since): check again against the open day as it now is.
        this.openDays.forget(request.openDayId);
        if (attempt === MAX_ATTEMPTS) throw new Error(`open day ${request.openDayId} kept changing while an application was stored`);
      }
    } catch (err) {
      return this.answerFailure(err, request, fingerprint);
    }
  }

  /** Undefined when the open day's row is no longer the version the application was checked against. */
  private async store(
    request: SubmitApplicationRequest,
    fingerprint: string | null,
    { openDay, version }: VersionedOpenDay,
    copyMayBeStale: boolean,
  ): Promise<ApplicationView | undefined> {
    const { actor, application } = request;
    const now = this.clock.now();
    let session: ReturnType<typeof pickSession>;
    let people: CheckedPerson[];
    try {
      checkRegistrationWindow(openDay, now);
      session = pickSession(openDay, application.sessionId);
      people = checkPeople(application, eligibilityOf(openDay, session, now));
    } catch (refusal) {
      if (copyMayBeStale) return undefined;
      throw refusal;
    }
    const keyed = people.map((person) => ({ person, personKey: this.personalData.hasher.hash(person.normalizedId) }));
    const stored: NewApplication = {
      id: randomUUID(),
      openDayId: openDay.id,
      sessionId: session.sessionId,
      sessionDate: session.date,
      channel: application.channel,
      applicantUserId: actor.userId,
      recommendingOrganisation: application.channel === 'organisation' ? application.recommendingOrganisation!.trim() : null,
      unitName: application.channel === 'group' ? application.unit!.name.trim() : null,
      unitCreditCode: application.channel === 'group' ? application.unit!.creditCode.trim().toUpperCase() : null,
      status: 'submitted',
      idempotencyKey: request.idempotencyKey ?? null,
      requestFingerprint: fingerprint,
      submittedAt: now,
      withdrawnAt: null,
    };
    const rows = keyed.map(
      ({ person, personKey }, position): NewApplicationPerson => ({
        id: randomUUID(),
        applicationId: stored.id,
        openDayId: openDay.id,
        position,
        personKey,
        mobileKey: this.personalData.hasher.hash(person.mobile),
        name: person.input.name.trim(),
        idNumber: person.normalizedId,
        mobile: person.mobile,
        email: person.input.email?.trim() || null,
        language: person.input.language ?? 'zh-CN',
        category: person.input.category,
        district: person.input.district.trim(),
        privacyConsentAt: now,
        active: true,
      }),
    );
    const about = { aggregateId: stored.id };
    // The arrival sequences are drawn as the people are inserted, in the same statement: the
    // store puts each person's into their application-submitted (created here with a placeholder).
    const events = keyed.flatMap(({ person, personKey }, position): SubmissionEvent[] => [
      {
        event: this.outbox.event(ApplicationSubmittedV1.contract, submittedEvent(stored, rows[position], person, personKey, ARRIVAL_PLACEHOLDER), about),
        arrivalOf: rows[position].id,
      },
      { event: this.outbox.event(ContactDetailsRecordedV1.contract, contactDetailsEvent(stored, rows[position]), about) },
    ]);
    try {
      const written = await insertSubmission(this.dataSource.manager, this.personalData.cipher, { application: stored, version, people: rows, events });
      return written ? toView(stored, rows, openDay.title) : undefined;
    } catch (err) {
      if (uniqueViolation(err) === ONE_PER_PERSON_INDEX) throw new PersonAlreadyApplied(keyed, err);
      throw err;
    }
  }

  /** The citizen's own applications, newest first, with their states. */
  async listMine(request: ListMyApplicationsRequest): Promise<ApplicationPage> {
    assertCitizen(request.actor);
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    const before = request.cursor ? MY_APPLICATION_PAGES.read(request.cursor)[0] : undefined;
    const found = await listApplicationsOf(this.dataSource.manager, request.actor.userId, before, limit + 1);
    const page = found.slice(0, limit);
    const views = await this.views(this.dataSource.manager, page);
    const last = page.at(-1);
    return { items: views, nextCursor: found.length > limit && last ? MY_APPLICATION_PAGES.encode([last.seq]) : null };
  }

  /**
   * The applicant withdraws (every person in it, for a group): the people may
   * apply again, and application-withdrawn goes out in the same transaction.
   * Withdrawing again answers the same result and emits nothing.
   */
  async withdraw(request: WithdrawApplicationRequest): Promise<ApplicationView> {
    assertCitizen(request.actor);
    return this.dataSource.transaction(async (manager) => {
      const application = await lockOwnApplication(manager, request.applicationId, request.actor.userId);
      // Someone else's application is as good as missing: its existence is not theirs to learn.
      if (!application) throw problem('not-found', { detail: `No application ${request.applicationId} of yours.` });
      if (application.status === 'withdrawn') return (await this.views(manager, [application]))[0];
      const now = this.clock.now();
      if (shanghaiDateOf(now) > application.sessionDate) {
        throw problem('open-day-passed', {
          detail: `The open day took place on ${application.sessionDate}; the application can no longer be withdrawn.`,
        });
      }
      application.status = 'withdrawn';
      application.withdrawnAt = now;
      await withdrawApplication(manager, application.id, now);
      await this.outbox.add(
        manager,
        ApplicationWithdrawnV1.contract,
        { applicationId: application.id, openDayId: application.openDayId, withdrawnAt: now.toISOString() },
        { aggregateId: application.id },
      );
      return (await this.views(manager, [application]))[0];
    });
  }

  /**
   * What a refused or conflicting application answers. With an Idempotency-Key, a retry of an
   * earlier application gets that application (and the key used for another request a 422)
   * before anything else — found here, on the refusal, so that the usual first try costs no
   * look-up. A unique-index violation on the person means another application won the race.
   */
  private async answerFailure(err: unknown, request: SubmitApplicationRequest, fingerprint: string | null): Promise<ApplicationView> {
    const refused = err instanceof PersonAlreadyApplied || err instanceof ProblemException || uniqueViolation(err) !== undefined;
    if (request.idempotencyKey && refused) {
      const earlier = await this.byIdempotencyKey(request.actor.userId, request.idempotencyKey, fingerprint!);
      if (earlier) return earlier;
    }
    if (err instanceof PersonAlreadyApplied) throw await this.duplicateOf(request.openDayId, err);
    throw err;
  }

  /** Names every person in the application who has already applied, as the refusal has always done. */
  private async duplicateOf(openDayId: string, { keyed, violation }: PersonAlreadyApplied): Promise<ProblemException> {
    const taken = await activePersonKeys(
      this.dataSource.manager,
      openDayId,
      keyed.map((k) => k.personKey),
    );
    if (taken.size > 0) return duplicateProblem(keyed, taken);
    // The winner has withdrawn since: the index's own report names whom it refused.
    const detail = String((violation as { driverError?: { detail?: string } }).driverError?.detail ?? '');
    const clashing = new Set(keyed.map((k) => k.personKey).filter((key) => detail.includes(key)));
    return duplicateProblem(keyed, clashing.size > 0 ? clashing : new Set(keyed.map((k) => k.personKey)));
  }

  private async byIdempotencyKey(userId: string, key: string, fingerprint: string): Promise<ApplicationView | undefined> {
    const earlier = await findByIdempotencyKey(this.dataSource.manager, userId, key);
    if (!earlier) return undefined;
    if (earlier.requestFingerprint !== fingerprint) {
      throw problem('idempotency-key-reused', {
        detail: 'This Idempotency-Key was used for a different request; use a new key for a new application.',
      });
    }
    return (await this.views(this.dataSource.manager, [earlier]))[0];
  }

  /** A keyed hash of the normalised request: retries match, other requests do not, and it reveals nothing. */
  private fingerprint(request: SubmitApplicationRequest): string {
    return this.personalData.hasher.hash(JSON.stringify({ openDayId: request.openDayId, application: request.application }));
  }

  private async views(manager: EntityManager, applications: Application[]): Promise<ApplicationView[]> {
    if (applications.length === 0) return [];
    const people = await peopleOfApplications(
      manager,
      this.personalData.cipher,
      applications.map((a) => a.id),
    );
    const openDays = await publishedOpenDaysByIds(
      manager,
      applications.map((a) => a.openDayId),
    );
    const titles = new Map(openDays.map((d) => [d.id, d.title]));
    return applications.map((a) =>
      toView(a, people.filter((p) => p.applicationId === a.id), titles.get(a.openDayId) ?? ''),
    );
  }
}

function assertCitizen(actor: Actor): void {
  if (actor.role !== 'citizen') {
    throw problem('citizens-only', {
      detail: 'Applications are made, listed and withdrawn by citizens signed in as themselves.',
    });
  }
}

/** Another application already holds someone in this one (the unique index said so). */
class PersonAlreadyApplied extends Error {
  constructor(
    readonly keyed: Array<{ person: CheckedPerson; personKey: string }>,
    readonly violation: unknown,
  ) {
    super('someone in the application has already applied for the open day');
  }
}

function duplicateProblem(keyed: Array<{ person: CheckedPerson; personKey: string }>, taken: Set<string>): ProblemException {
  return problem('duplicate-application', {
    detail: 'One application per person per open day: someone in this application has already applied for it.',
    errors: keyed
      .filter((k) => taken.has(k.personKey))
      .map(({ person }) => ({
        field: `${person.field}.idNumber`,
        rule: 'onePerPerson',
        message: 'this person has already applied for this open day',
      })),
  });
}

function uniqueViolation(err: unknown): string | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' ? driverError.constraint : undefined;
}

function submittedEvent(
  application: NewApplication,
  row: NewApplicationPerson,
  person: CheckedPerson,
  personKey: string,
  arrivalSequence: number,
): ApplicationSubmittedV1 {
  return {
    applicationId: application.id,
    personId: row.id,
    openDayId: application.openDayId,
    sessionId: application.sessionId,
    channel: application.channel,
    recommendingOrganisation: application.recommendingOrganisation,
    unit: application.unitName && application.unitCreditCode ? { name: application.unitName, creditCode: application.unitCreditCode } : null,
    personKey,
    maskedName: person.maskedName,
    maskedIdNumber: person.maskedIdNumber,
    birthDate: person.birthDate,
    ageOnEventDay: person.ageOnEventDay,
    category: row.category,
    district: row.district,
    arrivalSequence,
    submittedAt: application.submittedAt.toISOString(),
  };
}

/** How to reach one person, for the notification service; the submitting citizen's inbox receives the in-app messages. */
function contactDetailsEvent(application: NewApplication, row: NewApplicationPerson): ContactDetailsRecordedV1 {
  return {
    applicationId: application.id,
    personId: row.id,
    openDayId: application.openDayId,
    applicantUserId: application.applicantUserId,
    // A row being recorded: its personal data are all there (erasure comes after the open day).
    name: row.name!,
    mobile: row.mobile!,
    email: row.email,
    language: row.language,
    recordedAt: application.submittedAt.toISOString(),
  };
}

const ERASED = '***';

/** What the applicant sees: never a full ID number, phone or e-mail address. */
function toView(application: NewApplication, people: Array<NewApplicationPerson & Partial<ApplicationPerson>>, openDayTitle: string): ApplicationView {
  return {
    id: application.id,
    openDayId: application.openDayId,
    openDayTitle,
    sessionId: application.sessionId,
    sessionDate: application.sessionDate,
    channel: application.channel,
    status: application.status,
    recommendingOrganisation: application.recommendingOrganisation,
    unit: application.unitName && application.unitCreditCode ? { name: application.unitName, creditCode: application.unitCreditCode } : null,
    people: people.map((p) => ({
      personId: p.id,
      // Erased personal data (retention or the citizen's request) are shown fully masked.
      name: p.name ?? ERASED,
      maskedIdNumber: p.idNumber ? maskResidentId(p.idNumber) : ERASED,
      maskedMobile: p.mobile ? maskMobile(p.mobile) : ERASED,
      maskedEmail: p.email ? maskEmail(p.email) : null,
      category: p.category,
      district: p.district,
      selection: {
        // A row just inserted has not been read back: its database defaults are not on it yet.
        outcome: p.selectionOutcome ?? 'pending',
        reasonCode: p.selectionReason ?? null,
        waitlistPosition: p.waitlistPosition ?? null,
        decidedAt: p.selectionDecidedAt?.toISOString() ?? null,
      },
    })),
    submittedAt: application.submittedAt.toISOString(),
    withdrawnAt: application.withdrawnAt ? application.withdrawnAt.toISOString() : null,
  };
}
