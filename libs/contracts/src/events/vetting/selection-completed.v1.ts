import { defineEvent } from '../../event-contract';
import { APPLICANT_CATEGORIES, SELECTION_MODES, type ApplicantCategory, type SelectionMode } from '../scheduling/open-day-published.v2';
import { dateTime, uuid } from './common';

export interface OrdinaryShortfallFacts {
  required: number;
  selectedOrdinary: number;
  placesTaken: number;
  cause: 'ordinary-quota-below-minimum-share' | 'not-enough-ordinary-candidates';
}

/**
 * A session's selection is done: after the lottery draw, at the close of a first-come
 * window, or when the selection group completes it. A lottery carries its seed, the
 * algorithm and the drawn order of the entries (person ids), so anyone can re-run it; the
 * shortfall says when ordinary citizens could not get their minimum share.
 */
export class SelectionCompletedV1 {
  openDayId: string;
  sessionId: string;
  agencyId: string;
  selectionMode: SelectionMode;
  capacity: number;
  placesTaken: number;
  selectedOutsideQuota: number;
  waitlisted: number;
  rejected: number;
  byCategory: Array<{ category: ApplicantCategory; selected: number }>;
  minOrdinaryShare: number;
  ordinaryShareMet: boolean;
  shortfall: OrdinaryShortfallFacts | null;
  lottery: { seed: string; algorithm: string; drawnOrder: string[] } | null;
  /** Selections still waiting for co-signing departments. */
  awaitingJointReview: number;
  completedAt: string;

  static readonly contract = defineEvent<SelectionCompletedV1>({
    service: 'vetting',
    name: 'selection-completed',
    version: 1,
    visibility: 'public',
    summary: 'A session’s selection is done: counts per category, whether the ordinary share was met, and for a lottery the seed, algorithm and drawn order.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [
        'openDayId', 'sessionId', 'agencyId', 'selectionMode', 'capacity', 'placesTaken', 'selectedOutsideQuota', 'waitlisted', 'rejected',
        'byCategory', 'minOrdinaryShare', 'ordinaryShareMet', 'shortfall', 'lottery', 'awaitingJointReview', 'completedAt',
      ],
      properties: {
        openDayId: uuid,
        sessionId: uuid,
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        selectionMode: { enum: [...SELECTION_MODES] },
        capacity: { type: 'integer', minimum: 1 },
        placesTaken: { type: 'integer', minimum: 0 },
        selectedOutsideQuota: { type: 'integer', minimum: 0 },
        waitlisted: { type: 'integer', minimum: 0 },
        rejected: { type: 'integer', minimum: 0 },
        byCategory: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['category', 'selected'],
            properties: { category: { enum: [...APPLICANT_CATEGORIES] }, selected: { type: 'integer', minimum: 0 } },
          },
        },
        minOrdinaryShare: { type: 'number', minimum: 0, maximum: 1 },
        ordinaryShareMet: { type: 'boolean' },
        shortfall: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['required', 'selectedOrdinary', 'placesTaken', 'cause'],
          properties: {
            required: { type: 'integer', minimum: 0 },
            selectedOrdinary: { type: 'integer', minimum: 0 },
            placesTaken: { type: 'integer', minimum: 0 },
            cause: { enum: ['ordinary-quota-below-minimum-share', 'not-enough-ordinary-candidates'] },
          },
        },
        lottery: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['seed', 'algorithm', 'drawnOrder'],
          properties: {
            seed: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            algorithm: { type: 'string', minLength: 1 },
            drawnOrder: { type: 'array', items: uuid },
          },
        },
        awaitingJointReview: { type: 'integer', minimum: 0 },
        completedAt: dateTime,
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
      agencyId: 'water-affairs-bureau',
      selectionMode: 'lottery',
      capacity: 20,
      placesTaken: 20,
      selectedOutsideQuota: 0,
      waitlisted: 478,
      rejected: 2,
      byCategory: [
        { category: 'ordinary-citizen', selected: 10 },
        { category: 'congress-deputy', selected: 5 },
        { category: 'party-member', selected: 5 },
      ],
      minOrdinaryShare: 1 / 3,
      ordinaryShareMet: true,
      shortfall: null,
      lottery: {
        seed: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        algorithm: 'HMAC-SHA256(seed, entry id), ascending',
        drawnOrder: ['8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d'],
      },
      awaitingJointReview: 0,
      completedAt: '2026-11-26T08:00:02.000Z',
    },
  });
}
