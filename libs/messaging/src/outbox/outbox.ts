import type { EntityManager } from 'typeorm';
import type { BusNamespace, EventContract } from '@openday/contracts';
import { currentCorrelation, CORRELATION_HEADER, TRACEPARENT_HEADER } from '../context/correlation';

export interface OutboxOptions {
  /** The aggregate the event is about; events of one aggregate leave in the order written. */
  aggregateId: string;
}

/** An event made ready for the outbox, with the correlation in force where it was made. */
export interface OutboxEvent {
  id: string;
  aggregateId: string;
  subject: string;
  type: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Writes events into the outbox table inside the caller's transaction, so the
 * event exists exactly when the state change does.
 */
export class Outbox {
  constructor(private readonly namespace: BusNamespace) {}

  async add<TData>(
    manager: EntityManager,
    contract: EventContract<TData>,
    data: TData,
    options: OutboxOptions,
  ): Promise<string> {
    const [id] = await this.addAll(manager, [this.event(contract, data, options)]);
    return id;
  }

  /** The event as it will leave; `addAll` writes several in one statement, in the order given. */
  event<TData>(contract: EventContract<TData>, data: TData, options: OutboxOptions): OutboxEvent {
    const correlation = currentCorrelation();
    const event = contract.create(data, {
      subject: options.aggregateId,
      correlationId: correlation?.correlationId,
      traceparent: correlation?.traceparent,
    });
    const headers: Record<string, string> = {};
    if (correlation) {
      headers[CORRELATION_HEADER] = correlation.correlationId;
      headers[TRACEPARENT_HEADER] = correlation.traceparent;
    }
    return { id: event.id, aggregateId: options.aggregateId, subject: contract.subjectIn(this.namespace), type: event.type, payload: event, headers };
  }

  async addAll(manager: EntityManager, events: readonly OutboxEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    await manager.query(
      `INSERT INTO outbox (id, aggregate_id, subject, event_type, payload, headers)
       SELECT id, aggregate_id, subject, event_type, payload, headers
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY
           AS e(id, aggregate_id, subject, event_type, payload, headers, position)
        ORDER BY position`,
      outboxColumns(events),
    );
    return events.map((e) => e.id);
  }
}

/**
 * The events as the outbox's columns (id, aggregate_id, subject, event_type, payload, headers), one
 * array each, for `unnest($n::uuid[], text[], text[], text[], jsonb[], jsonb[])`: `addAll`'s, and a
 * service's own statement that writes its state and its events in one round trip.
 */
export function outboxColumns(events: readonly OutboxEvent[]): [string[], string[], string[], string[], string[], string[]] {
  return [
    events.map((e) => e.id),
    events.map((e) => e.aggregateId),
    events.map((e) => e.subject),
    events.map((e) => e.type),
    events.map((e) => JSON.stringify(e.payload)),
    events.map((e) => JSON.stringify(e.headers)),
  ];
}
