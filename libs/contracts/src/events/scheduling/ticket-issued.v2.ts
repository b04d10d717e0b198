import { defineEvent } from '../../event-contract';
import { TicketIssuedV1 } from './ticket-issued.v1';

/**
 * A selected person's admission ticket, with the plan's transport (how people get there, e.g.
 * 统一乘坐大巴), which the ticket and the selection message show. A new version because v1's
 * schema is closed (additionalProperties false): a transport field in v1 would make its strict
 * subscribers refuse the event. Every issue publishes v2 and, beside it, v1 (ticketIssuedV1Of)
 * for subscribers that do not need the transport. INTERNAL, like v1: it carries the check-in code.
 */
export class TicketIssuedV2 extends TicketIssuedV1 {
  /** As the plan says it; empty when the plan says nothing (people come on their own). */
  transport: string;

  static override readonly contract = defineEvent<TicketIssuedV2>({
    service: 'scheduling',
    name: 'ticket-issued',
    version: 2,
    visibility: 'internal',
    sensitive: true,
    summary: "A selected person's admission ticket was issued, with session, place, transport, agenda, notices and the check-in code.",
    schema: {
      ...TicketIssuedV1.contract.definition.schema,
      required: [...(TicketIssuedV1.contract.definition.schema.required as string[]), 'transport'],
      properties: { ...(TicketIssuedV1.contract.definition.schema.properties as Record<string, object>), transport: { type: 'string', maxLength: 300 } },
    },
    example: { ...TicketIssuedV1.contract.definition.example, transport: '统一乘坐大巴，8:40 在集合地点发车' },
  });
}

/** The v1 event of the same ticket, for subscribers of v1. */
export function ticketIssuedV1Of(v2: TicketIssuedV2): TicketIssuedV1 {
  const { transport: _transport, ...v1 } = v2;
  return v1;
}
