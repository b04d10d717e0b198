import { defineEvent } from '../../event-contract';
import { dateTime, EXAMPLE_TICKET_REF, ticketRefProperties, ticketRefRequired, type TicketRef } from './ticket-parts';

/** A ticket holder was not checked in by the end of their session (爽约); vetting's no-show register learns it from this. */
export class AttendeeNoShowV1 implements TicketRef {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  /** The session's date, Asia/Shanghai. */
  sessionDate: string;
  sessionEndedAt: string;
  recordedAt: string;

  static readonly contract = defineEvent<AttendeeNoShowV1>({
    service: 'scheduling',
    name: 'attendee-no-show',
    version: 1,
    visibility: 'public',
    summary: 'A ticket holder did not check in by the end of the session and is recorded as a no-show.',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [...ticketRefRequired, 'sessionDate', 'sessionEndedAt', 'recordedAt'],
      properties: { ...ticketRefProperties, sessionDate: { type: 'string', format: 'date' }, sessionEndedAt: dateTime, recordedAt: dateTime },
    },
    example: {
      ...EXAMPLE_TICKET_REF,
      sessionDate: '2026-11-29',
      sessionEndedAt: '2026-11-29T03:30:00.000Z',
      recordedAt: '2026-11-29T03:30:05.000Z',
    },
  });
}
