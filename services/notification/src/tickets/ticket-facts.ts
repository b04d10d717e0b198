import type { TicketIssuedV1 } from '@openday/contracts';

/** What notification keeps of a ticket to write its messages and reminders. */
export type TicketFacts = Pick<
  TicketIssuedV1,
  'title' | 'date' | 'startsAt' | 'endsAt' | 'startsAtInstant' | 'assemblyPoint' | 'venues' | 'notices' | 'checkInCode'
>;

export function ticketFactsOf(ticket: TicketIssuedV1): TicketFacts {
  const { title, date, startsAt, endsAt, startsAtInstant, assemblyPoint, venues, notices, checkInCode } = ticket;
  return { title, date, startsAt, endsAt, startsAtInstant, assemblyPoint, venues, notices, checkInCode };
}
