import { defineEvent } from '../../event-contract';
import { ROLES, type Role } from '../../rpc/actor';
import { dateTime, uuid } from '../vetting/common';

/** The roles a staff account can hold (every role but citizen). */
export const STAFF_ACCOUNT_ROLES = ROLES.filter((role): role is Exclude<Role, 'citizen'> => role !== 'citizen');
export type StaffAccountRole = (typeof STAFF_ACCOUNT_ROLES)[number];

/**
 * A staff account as the notification service needs it to tell staff what waits for them:
 * its agency, role, whether it is disabled and its optional e-mail address. INTERNAL: it
 * carries the e-mail address. Emitted whenever an account is created or its e-mail, role or
 * enabled state changes; the latest `recordedAt` wins.
 */
export class StaffContactRecordedV1 {
  accountId: string;
  /** The agency code the account belongs to (`city-office` for the city office). */
  agencyId: string;
  role: StaffAccountRole;
  /** null: the account has no e-mail address (it reads its agency's in-app inbox only). */
  email: string | null;
  /** A disabled account is told nothing. */
  disabled: boolean;
  recordedAt: string;

  static readonly contract = defineEvent<StaffContactRecordedV1>({
    service: 'gateway',
    name: 'staff-contact-recorded',
    version: 1,
    visibility: 'internal',
    sensitive: true,
    summary: "A staff account's agency, role, enabled state and optional e-mail address; for the notification service only.",
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['accountId', 'agencyId', 'role', 'email', 'disabled', 'recordedAt'],
      properties: {
        accountId: uuid,
        agencyId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,63}$' },
        role: { enum: [...STAFF_ACCOUNT_ROLES] },
        email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
        disabled: { type: 'boolean' },
        recordedAt: dateTime,
      },
    },
    example: {
      accountId: '2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d',
      agencyId: 'city-office',
      role: 'city-office',
      email: 'filing@city-office.example.cn',
      disabled: false,
      recordedAt: '2026-11-20T02:00:00.000Z',
    },
  });
}
