import { addDays, residentIdCheckCharacter, toCalendarDate } from '@openday/domain';
import type { ApplicantInput, ApplicationInput } from '@openday/contracts';
import type { PublishedOpenDay } from '../published-open-days/published-open-day-store';
import {
  checkPeople,
  checkPerson,
  eligibilityOf,
  pickSession,
  registrationWindowRefusal,
  shanghaiTime,
  type Checked,
  type Eligibility,
  type Refusal,
} from './application-rules';

const EVENT_DATE = '2026-11-29';

/** A valid resident ID born on `birthDate` (Beijing Chaoyang region code). */
function residentId(birthDate: string, sequence = '123'): string {
  const first17 = `110105${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The birth date of someone who turns `age` exactly `offsetDays` after the event (negative: before). */
function bornTurning(age: number, offsetDays: number): string {
  const [y, m, d] = EVENT_DATE.split('-');
  return addDays(toCalendarDate(`${Number(y) - age}-${m}-${d}`), offsetDays);
}

const rules: Eligibility = {
  eventDate: EVENT_DATE,
  today: '2026-11-23',
  minAge: 18,
  maxAge: 65,
  places: {
    quotas: [
      { category: 'ordinary-citizen', places: 10 },
      { category: 'party-member', places: 5 },
    ],
    mediaOutsideQuota: true,
  },
};

function person(overrides: Partial<ApplicantInput> = {}): ApplicantInput {
  return {
    name: '张小三',
    idNumber: residentId('1990-03-07'),
    mobile: '13812345678',
    category: 'ordinary-citizen',
    district: 'gulou',
    privacyConsent: true,
    ...overrides,
  };
}

function refusalOf<T>(checked: Checked<T>): Refusal {
  if (checked.ok) throw new Error('expected a refusal');
  return checked.refusal;
}

function valueOf<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new Error(`expected no refusal, got ${checked.refusal.code}`);
  return checked.value;
}

describe('checkPerson', () => {
  it('accepts a valid person and derives what vetting needs', () => {
    const id = residentId('1990-03-07').replace(/X$/, 'x');
    const { person: checked, invalid, ineligible } = checkPerson(person({ idNumber: id, mobile: '+86 138 1234 5678' }), 'applicant', rules);
    expect([invalid, ineligible]).toEqual([[], []]);
    expect(checked).toMatchObject({
      normalizedId: id.toUpperCase(),
      birthDate: '1990-03-07',
      ageOnEventDay: 36,
      mobile: '13812345678',
      maskedName: '张*三',
      maskedIdNumber: `110105********${id.slice(-4).toUpperCase()}`,
    });
  });

  it('reads a lower-case x as X: the same person', () => {
    const upper = '11010519491231002X';
    const lower = checkPerson(person({ idNumber: upper.toLowerCase() }), 'applicant', { ...rules, maxAge: null }).person!;
    expect(lower.normalizedId).toBe(upper);
  });

  it.each([
    ['17, the day before the 18th birthday', bornTurning(18, 1), 'ageOnEventDay'],
    ['18 on the day itself', bornTurning(18, 0), undefined],
    ['65 the day before turning 66', bornTurning(66, 1), undefined],
    ['66 on the day', bornTurning(66, 0), 'ageOnEventDay'],
    ['a baby born last week', '2026-11-16', 'ageOnEventDay'],
  ])('age %s', (_label, birthDate, rule) => {
    const { ineligible } = checkPerson(person({ idNumber: residentId(birthDate) }), 'members[2]', rules);
    expect(ineligible.map((p) => [p.field, p.rule])).toEqual(rule ? [['members[2].idNumber', rule]] : []);
  });

  it('has no upper age limit when maxAge is null', () => {
    const { ineligible } = checkPerson(person({ idNumber: residentId('1930-01-01') }), 'applicant', { ...rules, maxAge: null });
    expect(ineligible).toEqual([]);
  });

  it.each([
    ['a wrong ID checksum', { idNumber: '110105199003071238' }, 'applicant.idNumber', 'isResidentId'],
    ['30 February in an ID', { idNumber: `11010519900230123${residentIdCheckCharacter('11010519900230123')}` }, 'applicant.idNumber', 'isResidentId'],
    ['a birth date in the future', { idNumber: residentId('2026-12-01') }, 'applicant.idNumber', 'isResidentId'],
    ['a 15-digit ID', { idNumber: '110105900307123' }, 'applicant.idNumber', 'isResidentId'],
    ['a landline', { mobile: '0591-87654321' }, 'applicant.mobile', 'isMainlandMobile'],
    ['a mobile starting 12', { mobile: '12812345678' }, 'applicant.mobile', 'isMainlandMobile'],
    ['no consent', { privacyConsent: false }, 'applicant.privacyConsent', 'equals'],
    ['a blank name', { name: '   ' }, 'applicant.name', 'isNotBlank'],
  ])('refuses %s as invalid', (_label, overrides, field, rule) => {
    const { invalid, person: checked } = checkPerson(person(overrides as Partial<ApplicantInput>), 'applicant', rules);
    expect(invalid).toEqual([expect.objectContaining({ field, rule })]);
    expect(checked).toBeUndefined();
  });

  it('refuses a category the open day does not take, and takes any when there are no quotas', () => {
    expect(checkPerson(person({ category: 'village-cadre' }), 'applicant', rules).ineligible).toEqual([
      expect.objectContaining({ field: 'applicant.category', rule: 'categoryOffered' }),
    ]);
    expect(checkPerson(person({ category: 'media' }), 'applicant', rules).ineligible).toEqual([]);
    expect(checkPerson(person({ category: 'village-cadre' }), 'applicant', { ...rules, places: { quotas: [], mediaOutsideQuota: true } }).ineligible).toEqual([]);
  });

  it('never puts the ID number or mobile in a message', () => {
    const id = residentId(bornTurning(17, 0));
    const { ineligible } = checkPerson(person({ idNumber: id, mobile: '12812345678' }), 'applicant', rules);
    const all = checkPerson(person({ idNumber: '110105199003071238', mobile: '12812345678' }), 'applicant', rules);
    expect(JSON.stringify([ineligible, all])).not.toMatch(/110105199003071238|12812345678|110105\d{8}/);
  });
});

describe('checkPeople (all or nothing)', () => {
  const group = (members: ApplicantInput[]): ApplicationInput => ({
    channel: 'group',
    unit: { name: '温泉街道社区服务中心', creditCode: '91350100M000100Y43' },
    members,
  });

  it('returns everyone when everyone passes', () => {
    const people = valueOf(checkPeople(group([person(), person({ idNumber: residentId('1985-01-01') })]), rules));
    expect(people.map((p) => p.field)).toEqual(['members[0]', 'members[1]']);
  });

  it('refuses the whole group for one bad member, naming each', () => {
    const refusal = refusalOf(checkPeople(group([person(), person({ idNumber: '110105199003071238' }), person({ mobile: 'x' })]), rules));
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.errors?.map((e) => `${e.field}/${e.rule}`)).toEqual(['members[1].idNumber/isResidentId', 'members[2].mobile/isMainlandMobile']);
  });

  it('refuses an ineligible member as ineligible-applicant', () => {
    const refusal = refusalOf(checkPeople(group([person(), person({ idNumber: residentId(bornTurning(66, -3)) })]), rules));
    expect(refusal).toMatchObject({ code: 'ineligible-applicant', errors: [{ field: 'members[1].idNumber', rule: 'ageOnEventDay' }] });
  });

  it('refuses the same person twice in one group (x and X alike)', () => {
    const id = '11010519491231002X';
    const refusal = refusalOf(checkPeople(group([person({ idNumber: id }), person({ idNumber: id.toLowerCase() })]), { ...rules, maxAge: null }));
    expect(refusal.code).toBe('ineligible-applicant');
    expect(refusal.errors).toEqual([expect.objectContaining({ field: 'members[1].idNumber', rule: 'onePerPerson' })]);
  });

  it.each([
    ['group without unit', { channel: 'group', members: [person()] }, 'unit.name'],
    ['group with a bad credit code', { channel: 'group', unit: { name: 'x', creditCode: '91350100M000100Y44' }, members: [person()] }, 'unit.creditCode'],
    ['group without members', { channel: 'group', unit: { name: 'x', creditCode: '91350100M000100Y43' }, members: [] }, 'members'],
    ['self without applicant', { channel: 'self' }, 'applicant'],
    ['organisation without its name', { channel: 'organisation', applicant: person() }, 'recommendingOrganisation'],
  ])('checks the channel fields: %s', (_label, application, field) => {
    const refusal = refusalOf(checkPeople(application as ApplicationInput, rules));
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.errors?.map((e) => e.field)).toContain(field);
  });
});

describe('registrationWindowRefusal', () => {
  const openDay = {
    id: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
    sessions: [{ sessionId: 's', date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 20 }],
    registrationOpensAt: new Date('2026-11-20T00:00:00.000Z'),
    registrationClosesAt: new Date('2026-11-26T08:00:00.000Z'),
  } as PublishedOpenDay;

  it.each([
    ['at the opening instant', '2026-11-20T00:00:00.000Z'],
    ['a millisecond before closing', '2026-11-26T07:59:59.999Z'],
  ])('admits %s', (_label, now) => {
    expect(registrationWindowRefusal(openDay, new Date(now))).toBeUndefined();
  });

  it('refuses a cancelled open day even inside its window, saying when it was cancelled', () => {
    const cancelled = { ...openDay, cancelledAt: new Date('2026-11-21T02:00:00.000Z') } as PublishedOpenDay;
    expect(registrationWindowRefusal(cancelled, new Date('2026-11-22T00:00:00.000Z'))).toEqual({
      code: 'open-day-cancelled',
      detail: 'The organising agency cancelled this open day at 2026-11-21 10:00 Asia/Shanghai: it takes no applications.',
    });
  });

  it('refuses before the window with when it opens', () => {
    expect(registrationWindowRefusal(openDay, new Date('2026-11-19T23:59:59.999Z'))).toEqual({
      code: 'registration-not-open',
      detail: 'Registration opens at 2026-11-20 08:00 Asia/Shanghai (2026-11-20T00:00:00.000Z).',
    });
  });

  it('refuses at and after closing, saying the window closed and when', () => {
    for (const now of ['2026-11-26T08:00:00.000Z', '2026-11-28T00:00:00.000Z']) {
      expect(registrationWindowRefusal(openDay, new Date(now))).toEqual({
        code: 'registration-closed',
        detail: 'The registration window closed at 2026-11-26 16:00 Asia/Shanghai (2026-11-26T08:00:00.000Z).',
      });
    }
  });

  it('refuses an open day known only from v1 (no window)', () => {
    const v1Only = { ...openDay, registrationOpensAt: null, registrationClosesAt: null, sessions: null } as PublishedOpenDay;
    expect(registrationWindowRefusal(v1Only, new Date('2026-11-21T00:00:00Z'))?.code).toBe('not-taking-applications');
  });

  it('formats instants in Asia/Shanghai', () => {
    expect(shanghaiTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30 Asia/Shanghai');
  });
});

describe('pickSession and eligibilityOf', () => {
  const one = { sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79', date: EVENT_DATE, startsAt: '09:00', endsAt: '11:30', capacity: 20 };
  const two = { ...one, sessionId: '7d1e2f3a-7b7f-4a53-9a1e-2f3d4c5b6a80', date: '2026-11-30' };
  const openDay = { sessions: [one, two], quotas: [{ category: 'ordinary-citizen', places: 10 }], mediaOutsideQuota: true, minAge: 18, maxAge: 65 } as PublishedOpenDay;

  it('takes the only session by default, and needs sessionId when there are several', () => {
    expect(valueOf(pickSession({ sessions: [one] } as PublishedOpenDay, undefined))).toBe(one);
    expect(valueOf(pickSession(openDay, two.sessionId))).toBe(two);
    expect(refusalOf(pickSession(openDay, undefined))).toMatchObject({ code: 'invalid-input', errors: [expect.objectContaining({ field: 'sessionId', rule: 'isDefined' })] });
    expect(refusalOf(pickSession(openDay, '00000000-0000-4000-8000-000000000000'))).toMatchObject({
      code: 'unprocessable',
      errors: [expect.objectContaining({ field: 'sessionId', rule: 'sessionOfOpenDay' })],
    });
  });

  it('counts age on the session date and takes media when they come outside the quota', () => {
    expect(eligibilityOf(openDay, two, new Date('2026-11-23T20:00:00Z'))).toEqual({
      eventDate: '2026-11-30',
      today: '2026-11-24',
      minAge: 18,
      maxAge: 65,
      places: { quotas: [{ category: 'ordinary-citizen', places: 10 }], mediaOutsideQuota: true },
    });
  });
});
