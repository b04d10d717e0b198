import { defineEvent } from '../../event-contract';
import type { OpenDayChangeableFieldV2 } from './open-day-changed.v2';
import { EXAMPLE_OPEN_DAY_CHANGE_REF, openDayChangeRefProperties, openDayChangeRefRequired, type OpenDayChangeRef } from './open-day-change-filed.v1';

/** The city office returned a filed change of an open day to its agency with comments; the open day stays as it was. */
export class OpenDayChangeReturnedV1 implements OpenDayChangeRef {
  changeId: string;
  planId: string;
  openDayId: string;
  agencyId: string;
  title: string;
  changedFields: OpenDayChangeableFieldV2[];
  /** What the agency must change before it files again. */
  comments: string;
  returnedAt: string;

  static readonly contract = defineEvent<OpenDayChangeReturnedV1>({
    service: 'scheduling',
    name: 'open-day-change-returned',
    version: 1,
    visibility: 'public',
    summary: 'The city office returned a filed change of an open day to its agency with comments.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...openDayChangeRefRequired, 'comments', 'returnedAt'],
      properties: {
        ...openDayChangeRefProperties,
        comments: { type: 'string', minLength: 1, maxLength: 2000 },
        returnedAt: { type: 'string', format: 'date-time' },
      },
    },
    example: { ...EXAMPLE_OPEN_DAY_CHANGE_REF, comments: '下午场与水厂检修时间冲突，请改到 15:00 以后。', returnedAt: '2026-11-23T08:30:00.000Z' },
  });
}
