import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '../scheduling/open-day-published.v2';
import { dateTime, uuid } from './common';

export interface NoticedRepresentative {
  /** As for public notice (公示): 张*三. */
  maskedName: string;
  /** The resident ID masked for public notice: first 6 and last 4 characters. */
  maskedIdentity: string;
  category: ApplicantCategory;
  outsideQuota: boolean;
}

/**
 * The public notice (公示) of a session's selected representatives, with names and identity
 * numbers masked as public notices show them. A later revision replaces an earlier one
 * (after a withdrawal and promotion).
 */
export class PublicNoticePublishedV1 {
  openDayId: string;
  sessionId: string;
  agencyId: string;
  title: string;
  sessionDate: string;
  revision: number;
  representatives: NoticedRepresentative[];
  publishedAt: string;

  static readonly contract = defineEvent<PublicNoticePublishedV1>({
    service: 'vetting',
    name: 'public-notice-published',
    version: 1,
    visibility: 'public',
    summary: 'The public notice (公示) of a session’s selected representatives, names and identity numbers masked.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'sessionId', 'agencyId', 'title', 'sessionDate', 'revision', 'representatives', 'publishedAt'],
      properties: {
        openDayId: uuid,
        sessionId: uuid,
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        sessionDate: { type: 'string', format: 'date' },
        revision: { type: 'integer', minimum: 1 },
        representatives: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['maskedName', 'maskedIdentity', 'category', 'outsideQuota'],
            properties: {
              maskedName: { type: 'string', minLength: 1, maxLength: 50, pattern: '\\*' },
              maskedIdentity: { type: 'string', pattern: '^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$' },
              category: { enum: [...APPLICANT_CATEGORIES] },
              outsideQuota: { type: 'boolean' },
            },
          },
        },
        publishedAt: dateTime,
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
      agencyId: 'water-affairs-bureau',
      title: '走进自来水厂：从源头到龙头',
      sessionDate: '2026-11-29',
      revision: 1,
      representatives: [{ maskedName: '张*三', maskedIdentity: '110105********002X', category: 'ordinary-citizen', outsideQuota: false }],
      publishedAt: '2026-11-26T08:00:02.000Z',
    },
  });
}
