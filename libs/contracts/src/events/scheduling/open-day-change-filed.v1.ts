import { defineEvent } from '../../event-contract';
import { OPEN_DAY_CHANGEABLE_FIELDS_V2, type OpenDayChangeableFieldV2 } from './open-day-changed.v2';

/** Who, what and which open day a filed change is about: the change events share these. */
export interface OpenDayChangeRef {
  changeId: string;
  planId: string;
  openDayId: string;
  agencyId: string;
  title: string;
  changedFields: OpenDayChangeableFieldV2[];
}

export const openDayChangeRefRequired = ['changeId', 'planId', 'openDayId', 'agencyId', 'title', 'changedFields'] as const;
export const openDayChangeRefProperties = {
  changeId: { type: 'string', format: 'uuid' },
  planId: { type: 'string', format: 'uuid' },
  openDayId: { type: 'string', format: 'uuid' },
  agencyId: { type: 'string', minLength: 1, maxLength: 64 },
  title: { type: 'string', minLength: 1, maxLength: 200 },
  changedFields: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...OPEN_DAY_CHANGEABLE_FIELDS_V2] } },
} as const;

export const EXAMPLE_OPEN_DAY_CHANGE_REF: OpenDayChangeRef = {
  changeId: '2a7c9e41-6b3d-4f8a-9c15-7e0d2b4a6f83',
  planId: '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
  openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
  agencyId: 'water-affairs-bureau',
  title: '走进自来水厂：从源头到龙头',
  changedFields: ['sessions'],
};

/**
 * An agency filed a change to its published open day with the city office, which must approve
 * or return it. Public like the plan's filing events: it names the open day and what changes,
 * never a person. (Approval publishes open-day-changed v2 with review 'approved-by-city-office';
 * a change of notices alone needs no review and is never filed.)
 */
export class OpenDayChangeFiledV1 implements OpenDayChangeRef {
  changeId: string;
  planId: string;
  openDayId: string;
  agencyId: string;
  title: string;
  changedFields: OpenDayChangeableFieldV2[];
  /** Why the agency changes it, in its words. */
  reason: string;
  filedAt: string;

  static readonly contract = defineEvent<OpenDayChangeFiledV1>({
    service: 'scheduling',
    name: 'open-day-change-filed',
    version: 1,
    visibility: 'public',
    summary: 'An agency filed a change to a published open day; it waits for the city office.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...openDayChangeRefRequired, 'reason', 'filedAt'],
      properties: {
        ...openDayChangeRefProperties,
        reason: { type: 'string', minLength: 1, maxLength: 500 },
        filedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: { ...EXAMPLE_OPEN_DAY_CHANGE_REF, reason: '上午场报满，加开下午场', filedAt: '2026-11-23T02:00:00.000Z' },
  });
}
