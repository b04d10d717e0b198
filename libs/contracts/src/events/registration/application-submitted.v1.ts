import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../scheduling/open-day-published.v2';

export const APPLICATION_CHANNELS = ['self', 'organisation', 'group'] as const;
/** 个人自荐 / 组织推荐 / 单位集体报名. */
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/**
 * One person applied for an open day: what vetting needs to screen and select
 * them. A group application emits one event per member, all with the same
 * applicationId. INTERNAL: it carries masked identity data and the birth date,
 * and the person key (a keyed hash of the resident ID, stable across open days,
 * so vetting can find duplicates and no-shows); never the raw ID number or phone.
 */
export class ApplicationSubmittedV1 {
  applicationId: string;
  /** This person within the application (a group has several). */
  personId: string;
  openDayId: string;
  sessionId: string;
  channel: ApplicationChannel;
  /** Recommending organisation (organisation channel), else null. */
  recommendingOrganisation: string | null;
  /** The applying unit (group channel), else null. */
  unit: { name: string; creditCode: string } | null;
  /** HMAC-SHA256 of the normalised resident ID under registration's hash key, hex. */
  personKey: string;
  maskedName: string;
  /** First 6 and last 4 characters shown. */
  maskedIdNumber: string;
  birthDate: string;
  /** Age on the session's date. */
  ageOnEventDay: number;
  category: ApplicantCategory;
  district: string;
  /** Order of arrival across all applications for first-come selection: strictly increasing. */
  arrivalSequence: number;
  submittedAt: string;

  static readonly contract = defineEvent<ApplicationSubmittedV1>({
    service: 'registration',
    name: 'application-submitted',
    version: 1,
    visibility: 'internal',
    summary: 'A person applied for an open day (one event per person; a group application emits one per member).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [
        'applicationId', 'personId', 'openDayId', 'sessionId', 'channel', 'recommendingOrganisation', 'unit', 'personKey',
        'maskedName', 'maskedIdNumber', 'birthDate', 'ageOnEventDay', 'category', 'district', 'arrivalSequence', 'submittedAt',
      ],
      properties: {
        applicationId: { type: 'string', format: 'uuid' },
        personId: { type: 'string', format: 'uuid' },
        openDayId: { type: 'string', format: 'uuid' },
        sessionId: { type: 'string', format: 'uuid' },
        channel: { enum: [...APPLICATION_CHANNELS] },
        recommendingOrganisation: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
        unit: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['name', 'creditCode'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
          },
        },
        personKey: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        maskedName: { type: 'string', minLength: 1, maxLength: 50 },
        maskedIdNumber: { type: 'string', pattern: '^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$' },
        birthDate: { type: 'string', format: 'date' },
        ageOnEventDay: { type: 'integer', minimum: 0, maximum: 150 },
        category: { enum: [...APPLICANT_CATEGORIES] },
        district: { type: 'string', minLength: 1, maxLength: 64 },
        arrivalSequence: { type: 'integer', minimum: 1 },
        submittedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      applicationId: '3d6f0a52-8c1e-4b7a-9f41-2e5d7c9b1a08',
      personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
      channel: 'group',
      recommendingOrganisation: null,
      unit: { name: '鼓楼区温泉街道社区服务中心', creditCode: '91350100M000100Y43' },
      personKey: '5f0c8e3a9b1d2c4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
      maskedName: '张*三',
      maskedIdNumber: '110105********002X',
      birthDate: '1949-12-31',
      ageOnEventDay: 76,
      category: 'ordinary-citizen',
      district: 'gulou',
      arrivalSequence: 42,
      submittedAt: '2026-11-21T01:30:00.000Z',
    },
  });
}
