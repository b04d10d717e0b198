import { defineEvent } from '../../event-contract';
import { venuesSchema } from './open-day-published.v2';
import { dateTime, EXAMPLE_TICKET_REF, ticketRefProperties, ticketRefRequired, type TicketRef } from './ticket-parts';

const timeOfDay = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;

export interface TicketAgendaItem {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue: string | null;
}

/**
 * A selected person's admission ticket (入场凭证): everything the selection
 * message and the reminders tell them, so the notification service needs no
 * other source. INTERNAL: it carries the check-in code, which together with
 * the last four characters of the ID admits the holder, and the inbox owner.
 * `promoted` is true when the person moved up from the waiting list.
 */
export class TicketIssuedV1 implements TicketRef {
  ticketId: string;
  applicationId: string;
  personId: string;
  openDayId: string;
  sessionId: string;
  agencyId: string;
  /** The citizen account the application belongs to. */
  applicantUserId: string;
  title: string;
  /** Asia/Shanghai date and wall-clock times of the session. */
  date: string;
  startsAt: string;
  endsAt: string;
  /** The session's start as an instant, for timers (reminders). */
  startsAtInstant: string;
  assemblyPoint: string;
  venues: Array<{ name: string; address: string }>;
  agenda: TicketAgendaItem[];
  notices: string[];
  checkInCode: string;
  maskedName: string;
  promoted: boolean;
  issuedAt: string;

  static readonly contract = defineEvent<TicketIssuedV1>({
    service: 'scheduling',
    name: 'ticket-issued',
    version: 1,
    visibility: 'internal',
    sensitive: true,
    summary: "A selected person's admission ticket was issued, with session, place, agenda, notices and the check-in code.",
    schema: {
      type: 'object',
      additionalProperties: false,
      required: [
        ...ticketRefRequired, 'applicantUserId', 'title', 'date', 'startsAt', 'endsAt', 'startsAtInstant', 'assemblyPoint', 'venues',
        'agenda', 'notices', 'checkInCode', 'maskedName', 'promoted', 'issuedAt',
      ],
      properties: {
        ...ticketRefProperties,
        applicantUserId: { type: 'string', format: 'uuid' },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        date: { type: 'string', format: 'date' },
        startsAt: timeOfDay,
        endsAt: timeOfDay,
        startsAtInstant: dateTime,
        assemblyPoint: { type: 'string', maxLength: 300 },
        venues: venuesSchema,
        agenda: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['startsAt', 'endsAt', 'activity', 'venue'],
            properties: {
              startsAt: timeOfDay,
              endsAt: timeOfDay,
              activity: { type: 'string', minLength: 1, maxLength: 200 },
              venue: { type: ['string', 'null'], maxLength: 200 },
            },
          },
        },
        notices: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 } },
        checkInCode: { type: 'string', pattern: '^[0-9A-Z]{8}$' },
        maskedName: { type: 'string', minLength: 1, maxLength: 50 },
        promoted: { type: 'boolean' },
        issuedAt: dateTime,
      },
    },
    example: {
      ...EXAMPLE_TICKET_REF,
      applicantUserId: '0f7b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d',
      title: '走进自来水厂：从源头到龙头',
      date: '2026-11-29',
      startsAt: '09:00',
      endsAt: '11:30',
      startsAtInstant: '2026-11-29T01:00:00.000Z',
      assemblyPoint: '市民中心北门',
      venues: [{ name: '第一水厂', address: '滨江路 1 号' }],
      agenda: [{ startsAt: '09:20', endsAt: '10:00', activity: '参观净水工艺', venue: '第一水厂' }],
      notices: ['请携带身份证原件'],
      checkInCode: 'K7Q2M9XD',
      maskedName: '张*三',
      promoted: false,
      issuedAt: '2026-11-26T08:00:03.000Z',
    },
  });
}
