import { defineEvent } from '../../event-contract';

export const OPEN_DAY_FORMS = ['site-visit', 'observation', 'meeting', 'forum', 'livestream'] as const;
export type OpenDayForm = (typeof OPEN_DAY_FORMS)[number];
export const SELECTION_MODES = ['first-come', 'lottery', 'selection-group'] as const;
export type SelectionMode = (typeof SELECTION_MODES)[number];
export const APPLICANT_CATEGORIES = ['ordinary-citizen', 'congress-deputy', 'cppcc-member', 'party-member', 'village-cadre', 'enterprise', 'media', 'other'] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

/** Shared by every event that describes an open day's sessions and venues, so they cannot drift apart. */
export const sessionsSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['sessionId', 'date', 'startsAt', 'endsAt', 'capacity'],
    properties: {
      sessionId: { type: 'string', format: 'uuid' },
      date: { type: 'string', format: 'date' },
      startsAt: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
      endsAt: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
      capacity: { type: 'integer', minimum: 1, maximum: 10000 },
    },
  },
};

export const venuesSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'address'],
    properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, address: { type: 'string', maxLength: 300 } },
  },
};

export const quotasSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['category', 'places'],
    properties: { category: { enum: [...APPLICANT_CATEGORIES] }, places: { type: 'integer', minimum: 0 } },
  },
};

export const eligibilitySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['minAge', 'maxAge', 'districts'],
  properties: {
    minAge: { type: 'integer', minimum: 0, maximum: 150 },
    maxAge: { type: ['integer', 'null'], minimum: 0, maximum: 150 },
    districts: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 } },
  },
};

export interface PublishedSessionV2 {
  sessionId: string;
  /** Asia/Shanghai calendar date and wall-clock times. */
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/**
 * An approved plan became a public open day: everything a citizen, the
 * registration and vetting services, and subscriber systems need to know,
 * and nothing personal. Published beside v1, which carries only the basics.
 */
export class OpenDayPublishedV2 {
  openDayId: string;
  planId: string;
  agencyId: string;
  title: string;
  theme: string;
  forms: OpenDayForm[];
  sessions: PublishedSessionV2[];
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  /** Places per category; media come on top and take no place. */
  quotas: Array<{ category: ApplicantCategory; places: number }>;
  minOrdinaryShare: number;
  mediaOutsideQuota: boolean;
  eligibility: { minAge: number; maxAge: number | null; districts: string[] };
  registrationOpensAt: string;
  registrationClosesAt: string;
  selectionMode: SelectionMode;
  coSigningDepartments: string[];
  publishedAt: string;

  static readonly contract = defineEvent<OpenDayPublishedV2>({
    service: 'scheduling',
    name: 'open-day-published',
    version: 2,
    visibility: 'public',
    summary: 'An approved plan is published as an open day, with sessions, places, quotas, eligibility and the registration window.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [
        'openDayId', 'planId', 'agencyId', 'title', 'theme', 'forms', 'sessions', 'venues', 'assemblyPoint', 'quotas',
        'minOrdinaryShare', 'mediaOutsideQuota', 'eligibility', 'registrationOpensAt', 'registrationClosesAt',
        'selectionMode', 'coSigningDepartments', 'publishedAt',
      ],
      properties: {
        openDayId: { type: 'string', format: 'uuid' },
        planId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        theme: { type: 'string', maxLength: 2000 },
        forms: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...OPEN_DAY_FORMS] } },
        sessions: sessionsSchema,
        venues: venuesSchema,
        assemblyPoint: { type: 'string', maxLength: 300 },
        quotas: quotasSchema,
        minOrdinaryShare: { type: 'number', minimum: 0, maximum: 1 },
        mediaOutsideQuota: { type: 'boolean' },
        eligibility: eligibilitySchema,
        registrationOpensAt: { type: 'string', format: 'date-time' },
        registrationClosesAt: { type: 'string', format: 'date-time' },
        selectionMode: { enum: [...SELECTION_MODES] },
        coSigningDepartments: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 } },
        publishedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      theme: '了解城市供水全过程，座谈水价与水质',
      forms: ['site-visit', 'forum'],
      sessions: [
        { sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79', date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', capacity: 20 },
      ],
      venues: [
        { name: '第一水厂', address: '滨江路 1 号' },
        { name: '水质监测中心', address: '滨江路 9 号' },
      ],
      assemblyPoint: '市民中心北门',
      quotas: [
        { category: 'ordinary-citizen', places: 10 },
        { category: 'congress-deputy', places: 5 },
        { category: 'party-member', places: 5 },
      ],
      minOrdinaryShare: 1 / 3,
      mediaOutsideQuota: true,
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      registrationOpensAt: '2026-11-20T00:00:00.000Z',
      registrationClosesAt: '2026-11-26T08:00:00.000Z',
      selectionMode: 'lottery',
      coSigningDepartments: [],
      publishedAt: '2026-11-20T00:00:00.000Z',
    },
  });
}
