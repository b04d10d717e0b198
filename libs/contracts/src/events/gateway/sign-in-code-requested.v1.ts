import { defineEvent } from '../../event-contract';

/**
 * A citizen asked to sign in: the notification service texts them the code.
 * INTERNAL: it carries the mobile number and the one-time code itself, so it
 * travels only on the internal subject that subscriber systems cannot read.
 * The gateway keeps only keyed hashes of both.
 */
export class SignInCodeRequestedV1 {
  /** Normalised mainland mobile number, 11 digits. */
  mobile: string;
  /** Six digits. */
  code: string;
  purpose: 'citizen-sign-in';
  /** When the code stops working, and the same as seconds for the SMS text ("valid for 5 minutes"). */
  expiresAt: string;
  validForSeconds: number;

  static readonly contract = defineEvent<SignInCodeRequestedV1>({
    service: 'gateway',
    name: 'sign-in-code-requested',
    version: 1,
    visibility: 'internal',
    sensitive: true,
    summary: 'A citizen asked for a one-time sign-in code; the notification service sends it by SMS.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['mobile', 'code', 'purpose', 'expiresAt', 'validForSeconds'],
      properties: {
        mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
        code: { type: 'string', pattern: '^[0-9]{6}$' },
        purpose: { enum: ['citizen-sign-in'] },
        expiresAt: { type: 'string', format: 'date-time' },
        validForSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
      },
    },
    example: {
      mobile: '13800138000',
      code: '482913',
      purpose: 'citizen-sign-in',
      expiresAt: '2026-11-20T08:05:00.000Z',
      validForSeconds: 300,
    },
  });
}
