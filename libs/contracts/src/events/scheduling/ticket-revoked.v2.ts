import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_TICKET_REF, ticketRefProperties, ticketRefRequired, type TicketRef } from './ticket-parts';
import { TICKET_REVOCATION_REASONS, type TicketRevocationReason, type TicketRevokedV1 } from './ticket-revoked.v1';

/** v1's reasons, and a ticket whose holder vetting rejected after selecting them (e.g. no longer eligible after a moved date). */
export const TICKET_REVOCATION_REASONS_V2 = [...TICKET_REVOCATION_REASONS, 'application-rejected'] as const;
export type TicketRevocationReasonV2 = (typeof TICKET_REVOCATION_REASONS_V2)[number];

/**
 * An admission ticket no longer admits anyone, with every reason there is. A new version
 * because a new value in v1's closed reason enum would make strict v1 subscribers refuse the
 * event. Every revocation publishes v2 and, beside it, v1 (ticketRevokedV1Of): a ticket whose
 * holder was rejected reads there as 'revoked-by-staff', the nearest v1 words (the organisers'
 * side took it back; the holder did not withdraw and nothing was cancelled), and the public
 * application-rejected event of the same person says why.
 */
export class TicketRevokedV2 implements TicketRef {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  reason: TicketRevocationReasonV2;
  revokedAt: string;

  static readonly contract = defineEvent<TicketRevokedV2>({
    service: 'scheduling',
    name: 'ticket-revoked',
    version: 2,
    visibility: 'public',
    summary: 'An admission ticket was revoked (withdrawal, cancellation, by staff, or its holder rejected after selection).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...ticketRefRequired, 'reason', 'revokedAt'],
      properties: { ...ticketRefProperties, reason: { enum: [...TICKET_REVOCATION_REASONS_V2] }, revokedAt: dateTime },
    },
    example: { ...EXAMPLE_TICKET_REF, reason: 'application-rejected', revokedAt: '2026-11-27T02:00:00.000Z' },
  });
}

/** The reason as v1 (and views that speak v1's reasons) can say it. */
export function revocationReasonV1Of(reason: TicketRevocationReasonV2): TicketRevocationReason {
  return reason === 'application-rejected' ? 'revoked-by-staff' : reason;
}

/** The v1 event of the same revocation, for subscribers of v1. */
export function ticketRevokedV1Of(v2: TicketRevokedV2): TicketRevokedV1 {
  return { ...v2, reason: revocationReasonV1Of(v2.reason) };
}
