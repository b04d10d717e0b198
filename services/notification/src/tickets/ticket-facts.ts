import type { TicketIssuedV2 } from '@openday/contracts';

/**
 * What notification keeps of a ticket to write its messages and reminders. `transport` is
 * optional: tickets stored from ticket-issued v1 have none.
 */
export type TicketFacts = Pick<
  TicketIssuedV2,
  'title' | 'date' | 'startsAt' | 'endsAt' | 'startsAtInstant' | 'assemblyPoint' | 'venues' | 'notices' | 'checkInCode'
> & { transport?: string };

export function ticketFactsOf(ticket: TicketIssuedV2): TicketFacts {
  const { title, date, startsAt, endsAt, startsAtInstant, assemblyPoint, transport, venues, notices, checkInCode } = ticket;
  return { title, date, startsAt, endsAt, startsAtInstant, assemblyPoint, transport, venues, notices, checkInCode };
}
