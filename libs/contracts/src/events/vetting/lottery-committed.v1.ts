import { defineEvent } from '../../event-contract';
import { dateTime, uuid } from './common';

/** 32 bytes as 64 lower-case hexadecimal digits: a commitment, secret, entry-list hash or seed. */
export const sha256Hex = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

/**
 * A lottery open day's draw is committed to, before anyone applies: vetting drew a secret for
 * it and publishes only the secret's SHA-256 (lottery recipe 2). At the close, the seed of each
 * session's draw is derived from that secret and the hash of the session's entry list, and the
 * secret is revealed (lottery-revealed), so anyone can check the secret matches this commitment.
 */
export class LotteryCommittedV1 {
  openDayId: string;
  agencyId: string;
  /** The lottery recipe the draw will follow (its text comes with the result). */
  recipe: 2;
  /** SHA-256 of the secret's 32 bytes, lower-case hexadecimal. */
  commitment: string;
  committedAt: string;

  static readonly contract = defineEvent<LotteryCommittedV1>({
    service: 'vetting',
    name: 'lottery-committed',
    version: 1,
    visibility: 'public',
    summary: 'Before anyone applies to a lottery open day, the SHA-256 commitment to the secret its draw’s seed will be derived from.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['openDayId', 'agencyId', 'recipe', 'commitment', 'committedAt'],
      properties: {
        openDayId: uuid,
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        recipe: { const: 2 },
        commitment: sha256Hex,
        committedAt: dateTime,
      },
    },
    example: {
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      agencyId: 'water-affairs-bureau',
      recipe: 2,
      commitment: '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd',
      committedAt: '2026-11-19T02:00:00.000Z',
    },
  });
}
