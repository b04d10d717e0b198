import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_TICKET_REF, ticketRefProperties, ticketRefRequired, type TicketRef } from './ticket-parts';

export const CHECK_IN_METHODS = ['code', 'qr'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/** A ticket holder was checked in on the day, after the real-name check. */
export class AttendeeCheckedInV1 implements TicketRef {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  method: CheckInMethod;
  checkedInAt: string;

  static readonly contract = defineEvent<AttendeeCheckedInV1>({
    service: 'scheduling',
    name: 'attendee-checked-in',
    version: 1,
    visibility: 'public',
    summary: 'A representative was checked in (by code or QR payload, with the real-name check).',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...ticketRefRequired, 'method', 'checkedInAt'],
      properties: { ...ticketRefProperties, method: { enum: [...CHECK_IN_METHODS] }, checkedInAt: dateTime },
    },
    example: { ...EXAMPLE_TICKET_REF, method: 'qr', checkedInAt: '2026-11-29T00:52:10.000Z' },
  });
}
