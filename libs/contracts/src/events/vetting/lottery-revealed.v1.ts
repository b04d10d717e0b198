import { defineEvent } from '../../event-contract';
import { dateTime, uuid } from './common';
import { sha256Hex } from './lottery-committed.v1';

/**
 * A session's committed lottery is drawn: the secret behind the open day's commitment, the hash
 * of the session's entry list and the seed derived from both (recipe 2). With the drawn order
 * that selection-completed carries, anyone re-runs the draw and checks it against the commitment.
 */
export class LotteryRevealedV1 {
  openDayId: string;
  sessionId: string;
  recipe: 2;
  commitment: string;
  committedAt: string;
  secret: string;
  entryListHash: string;
  seed: string;
  /** How many entries the list holds. */
  entries: number;
  revealedAt: string;

  static readonly contract = defineEvent<LotteryRevealedV1>({
    service: 'vetting',
    name: 'lottery-revealed',
    version: 1,
    visibility: 'public',
    summary: 'A session’s committed lottery is drawn: the secret behind the commitment, the entry-list hash and the seed derived from both.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'sessionId', 'recipe', 'commitment', 'committedAt', 'secret', 'entryListHash', 'seed', 'entries', 'revealedAt'],
      properties: {
        openDayId: uuid,
        sessionId: uuid,
        recipe: { const: 2 },
        commitment: sha256Hex,
        committedAt: dateTime,
        secret: sha256Hex,
        entryListHash: sha256Hex,
        seed: sha256Hex,
        entries: { type: 'integer', minimum: 0 },
        revealedAt: dateTime,
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
      recipe: 2,
      commitment: '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd',
      committedAt: '2026-11-19T02:00:00.000Z',
      secret: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
      entryListHash: '381b9868090b1409e8794d1a4541054416c5435cd3c980ce753966c21b152b9d',
      seed: '80b82e925f4984811023cd36eac57eac85d83580c85c5a4f22d41e3b4b33514f',
      entries: 3,
      revealedAt: '2026-11-26T08:00:02.000Z',
    },
  });
}
