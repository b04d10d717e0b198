import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_TICKET_REF, ticketRefProperties, ticketRefRequired, type TicketRef } from './ticket-parts';

export const TICKET_REVOCATION_REASONS = ['application-withdrawn', 'open-day-cancelled', 'session-cancelled', 'revoked-by-staff'] as const;
export type TicketRevocationReason = (typeof TICKET_REVOCATION_REASONS)[number];

/**
 * An admission ticket no longer admits anyone: the holder withdrew, the open day was cancelled,
 * its session was dropped by a change of the open day, or staff revoked it.
 */
export class TicketRevokedV1 implements TicketRef {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  reason: TicketRevocationReason;
  revokedAt: string;

  static readonly contract = defineEvent<TicketRevokedV1>({
    service: 'scheduling',
    name: 'ticket-revoked',
    version: 1,
    visibility: 'public',
    summary: 'An admission ticket was revoked (withdrawal, cancellation of the open day or of its session, or by staff).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...ticketRefRequired, 'reason', 'revokedAt'],
      properties: { ...ticketRefProperties, reason: { enum: [...TICKET_REVOCATION_REASONS] }, revokedAt: dateTime },
    },
    example: { ...EXAMPLE_TICKET_REF, reason: 'application-withdrawn', revokedAt: '2026-11-27T02:00:00.000Z' },
  });
}
