import { residentIdCheckCharacter } from '@openday/domain';

/**
 * A resident ID that passes the GB 11643 checksum, for a test person born on `birthDate`
 * (YYYY-MM-DD); `sequence` (3 digits) tells people born the same day apart.
 */
export function testResidentId(birthDate: string, sequence: string, region = '110105'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

export interface TestApplicant {
  name: string;
  idNumber: string;
  mobile: string;
  category: string;
  district: string;
  privacyConsent: boolean;
  [more: string]: unknown;
}

/** An applicant as the portal sends one: an ordinary citizen of Gulou who consents, unless told otherwise. */
export function testApplicant(person: { name: string; idNumber: string; mobile: string } & Partial<TestApplicant>): TestApplicant {
  return { category: 'ordinary-citizen', district: 'gulou', privacyConsent: true, ...person };
}

export interface TestPlanOptions {
  title: string;
  /** The open day's date (YYYY-MM-DD). */
  date: string;
  /** When registration opens and the open day is published (ISO instant). */
  publishAt: string;
  registrationClosesAt: string;
  capacity?: number;
  selectionMode?: 'first-come' | 'selection-group' | 'lottery';
  coSigningDepartments?: string[];
}

/** A plan the water bureau can file: one morning session at the waterworks, ordinary citizens of Gulou aged 18–65. */
export function testPlan({ title, date, publishAt, registrationClosesAt, capacity = 10, selectionMode = 'selection-group', coSigningDepartments = [] }: TestPlanOptions) {
  return {
    title,
    theme: '了解城市供水全过程，座谈水价与水质',
    forms: ['site-visit', 'forum'],
    sessions: [
      {
        date,
        startsAt: '09:00',
        endsAt: '12:00',
        capacity,
        agenda: [
          { startsAt: '09:00', endsAt: '10:00', activity: '参观水厂中控室', venue: '第一水厂' },
          { startsAt: '10:00', endsAt: '12:00', activity: '座谈交流', venue: '水质监测中心' },
        ],
      },
    ],
    venues: [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 9 号' },
    ],
    assemblyPoint: '市民中心北门',
    transport: '统一乘坐大巴',
    quotas: [{ category: 'ordinary-citizen', places: capacity }],
    minOrdinaryShare: 0.34,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: 65, districts: ['gulou'] },
    registrationOpensAt: publishAt,
    registrationClosesAt,
    selectionMode,
    coSigningDepartments,
    notices: ['请携带本人身份证原件'],
    publishAt,
  };
}
