import { defineEvent } from '../../event-contract';
import { OpenDayChangedV1, type OpenDayChangeableField } from './open-day-changed.v1';
import { eligibilitySchema, quotasSchema, venuesSchema, type ApplicantCategory, type PublishedSessionV2 } from './open-day-published.v2';
import { sessionsWithMediaPlacesSchema } from './open-day-published.v3';

/** v1's fields, and the rules selection follows: who may come (eligibility) and the notices. */
export const OPEN_DAY_CHANGEABLE_FIELDS_V2 = ['sessions', 'venues', 'assemblyPoint', 'eligibility', 'notices'] as const;
export type OpenDayChangeableFieldV2 = (typeof OPEN_DAY_CHANGEABLE_FIELDS_V2)[number];

/** How the change reached publication: filed with the city office and approved, or of a kind that needs no review. */
export const CHANGE_REVIEWS = ['approved-by-city-office', 'not-required'] as const;
export type ChangeReview = (typeof CHANGE_REVIEWS)[number];

/**
 * A change to a published open day took effect. Carries the open day as it now is (sessions
 * with their places, venues, assembly point, quotas, eligibility, notices), what changed, and
 * the selected people the agency named to leave where it lowered a session's places, so
 * vetting can rebuild its selection and notification can tell everyone concerned from this
 * event alone. Published beside v1 (which subscribers of time-and-place changes keep reading).
 *
 * Sessions carry their media places, optional (absent means 0): added in place, without a new
 * version, because v2 had not yet been released outside this repository.
 */
export class OpenDayChangedV2 {
  openDayId: string;
  planId: string;
  agencyId: string;
  title: string;
  changedFields: OpenDayChangeableFieldV2[];
  sessions: Array<PublishedSessionV2 & { mediaPlaces?: number }>;
  /** Sessions the change removed (their tickets are revoked as "session-cancelled"). */
  removedSessionIds: string[];
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  quotas: Array<{ category: ApplicantCategory; places: number }>;
  minOrdinaryShare: number;
  eligibility: { minAge: number; maxAge: number | null; districts: string[] };
  notices: string[];
  /** Selected people whose places the agency gave up to lower a session's capacity: they leave, nobody moves up into those places. */
  releases: Array<{ sessionId: string; personId: string; applicationId: string }>;
  review: ChangeReview;
  reason: string;
  changedAt: string;

  static readonly contract = defineEvent<OpenDayChangedV2>({
    service: 'scheduling',
    name: 'open-day-changed',
    version: 2,
    visibility: 'public',
    summary: 'A change to a published open day took effect (sessions, places, venues, eligibility or notices), with the open day as it now is.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [
        'openDayId', 'planId', 'agencyId', 'title', 'changedFields', 'sessions', 'removedSessionIds', 'venues', 'assemblyPoint', 'quotas',
        'minOrdinaryShare', 'eligibility', 'notices', 'releases', 'review', 'reason', 'changedAt',
      ],
      properties: {
        openDayId: { type: 'string', format: 'uuid' },
        planId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        changedFields: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...OPEN_DAY_CHANGEABLE_FIELDS_V2] } },
        sessions: sessionsWithMediaPlacesSchema('optional'),
        removedSessionIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
        venues: venuesSchema,
        assemblyPoint: { type: 'string', maxLength: 300 },
        quotas: quotasSchema,
        minOrdinaryShare: { type: 'number', minimum: 0, maximum: 1 },
        eligibility: eligibilitySchema,
        notices: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 } },
        releases: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['sessionId', 'personId', 'applicationId'],
            properties: {
              sessionId: { type: 'string', format: 'uuid' },
              personId: { type: 'string', format: 'uuid' },
              applicationId: { type: 'string', format: 'uuid' },
            },
          },
        },
        review: { enum: [...CHANGE_REVIEWS] },
        reason: { type: 'string', minLength: 1, maxLength: 500 },
        changedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      changedFields: ['sessions'],
      sessions: [
        { sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79', date: '2026-11-29', startsAt: '09:00', endsAt: '11:30', capacity: 12, mediaPlaces: 2 },
        { sessionId: '9e8d7c6b-5a49-4382-8170-6f5e4d3c2b1a', date: '2026-11-29', startsAt: '14:00', endsAt: '16:30', capacity: 10 },
      ],
      removedSessionIds: [],
      venues: [
        { name: '第一水厂', address: '滨江路 1 号' },
        { name: '水质监测中心', address: '滨江路 9 号' },
      ],
      assemblyPoint: '市民中心北门',
      quotas: [
        { category: 'ordinary-citizen', places: 10 },
        { category: 'congress-deputy', places: 5 },
      ],
      minOrdinaryShare: 1 / 3,
      eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
      notices: ['请携带身份证原件'],
      releases: [],
      review: 'approved-by-city-office',
      reason: '上午场报满，加开下午场，上午场增加 2 个名额',
      changedAt: '2026-11-24T06:00:00.000Z',
    },
  });
}

/** The v1 event of the same change, for subscribers of time-and-place changes; none when only rules or notices changed. */
export function changedV1Of(v2: OpenDayChangedV2): OpenDayChangedV1 | null {
  const v1Fields = v2.changedFields.filter((field): field is OpenDayChangeableField => field === 'sessions' || field === 'venues' || field === 'assemblyPoint');
  if (v1Fields.length === 0) return null;
  const { openDayId, planId, agencyId, title, sessions, venues, assemblyPoint, reason, changedAt } = v2;
  const v1Sessions = sessions.map(({ mediaPlaces: _mediaPlaces, ...session }) => session);
  return { openDayId, planId, agencyId, title, changedFields: v1Fields, sessions: v1Sessions, venues, assemblyPoint, reason, changedAt };
}
