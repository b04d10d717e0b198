import { dateTime, uuid } from '../vetting/common';

/** Who a ticket admits and to what: every ticket and attendance event starts with these. */
export interface TicketRef {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
}

export const ticketRefRequired = ['ticketId', 'applicationId', 'personId', 'openDayId', 'sessionId', 'agencyId'] as const;
export const ticketRefProperties = {
  ticketId: uuid,
  applicationId: uuid,
  personId: uuid,
  openDayId: uuid,
  sessionId: uuid,
  agencyId: { type: 'string', minLength: 1, maxLength: 64 },
} as const;

export const EXAMPLE_TICKET_REF: TicketRef = {
  ticketId: 'b7e1c0d2-4f3a-4e5b-8c6d-1a2b3c4d5e6f',
  applicationId: '3d6f0a52-8c1e-4b7a-9f41-2e5d7c9b1a08',
  personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
  openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
  sessionId: '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
  agencyId: 'water-affairs-bureau',
};

export { dateTime, uuid };
