import { createHash } from 'node:crypto';
import type { EventContract } from '../event-contract';
import type { AsyncApiMessage } from './asyncapi-document';

// Fixed values keep the generated document byte-for-byte reproducible.
const EXAMPLE_TIME = new Date('2026-11-20T02:00:00.000Z');
const EXAMPLE_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const EXAMPLE_CORRELATION_ID = 'req-7f3a9c2e';

/** The contract's example `data` in the envelope and headers a subscriber actually receives. */
export function exampleMessage(contract: EventContract): AsyncApiMessage['examples'][number] {
  const id = exampleEventId(contract.type);
  const payload = contract.create(contract.definition.example, {
    id,
    time: EXAMPLE_TIME,
    subject: exampleSubject(contract.definition.example) ?? id,
    correlationId: EXAMPLE_CORRELATION_ID,
    traceparent: EXAMPLE_TRACEPARENT,
  });
  return {
    name: contract.definition.name,
    summary: contract.definition.summary,
    headers: { 'Nats-Msg-Id': id, traceparent: EXAMPLE_TRACEPARENT, 'x-correlation-id': EXAMPLE_CORRELATION_ID },
    payload,
  };
}

/** A stable UUID-shaped id per event type, so examples differ without being random. */
function exampleEventId(type: string): string {
  const hex = createHash('sha256').update(type).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Events name their record first (`openDayId`, `ticketId`, …), and that id is the CloudEvents subject. */
function exampleSubject(example: unknown): string | undefined {
  if (typeof example !== 'object' || example === null) return undefined;
  const found = Object.entries(example).find(([key, value]) => key.endsWith('Id') && typeof value === 'string');
  return found?.[1] as string | undefined;
}
