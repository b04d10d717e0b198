import { defineEvent } from '../../event-contract';
import { sessionsSchema, venuesSchema, type PublishedSessionV2 } from './open-day-published.v2';

export const OPEN_DAY_CHANGEABLE_FIELDS = ['sessions', 'venues', 'assemblyPoint'] as const;
export type OpenDayChangeableField = (typeof OPEN_DAY_CHANGEABLE_FIELDS)[number];

/**
 * The agency changed the time or place of a published open day. Carries the
 * sessions, venues and assembly point as they are now, so a subscriber needs
 * nothing else to tell everyone concerned.
 */
export class OpenDayChangedV1 {
  openDayId: string;
  planId: string;
  agencyId: string;
  title: string;
  changedFields: OpenDayChangeableField[];
  sessions: PublishedSessionV2[];
  venues: Array<{ name: string; address: string }>;
  assemblyPoint: string;
  reason: string;
  changedAt: string;

  static readonly contract = defineEvent<OpenDayChangedV1>({
    service: 'scheduling',
    name: 'open-day-changed',
    version: 1,
    visibility: 'public',
    summary: 'The time or place of a published open day changed; applicants and ticket holders are to be told.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'planId', 'agencyId', 'title', 'changedFields', 'sessions', 'venues', 'assemblyPoint', 'reason', 'changedAt'],
      properties: {
        openDayId: { type: 'string', format: 'uuid' },
        planId: { type: 'string', format: 'uuid' },
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        changedFields: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...OPEN_DAY_CHANGEABLE_FIELDS] } },
        sessions: sessionsSchema,
        venues: venuesSchema,
        assemblyPoint: { type: 'string', maxLength: 300 },
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
        { sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79', date: '2026-11-29', startsAt: '14:00', endsAt: '16:30', capacity: 20 },
      ],
      venues: [
        { name: '第一水厂', address: '滨江路 1 号' },
        { name: '水质监测中心', address: '滨江路 9 号' },
      ],
      assemblyPoint: '市民中心北门',
      reason: '上午水厂检修，改为下午举行',
      changedAt: '2026-11-24T06:00:00.000Z',
    },
  });
}
