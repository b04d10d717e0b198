import type { EntityManager } from 'typeorm';
import type { BusNamespace, EventContract } from '@openday/contracts';
import { currentCorrelation, CORRELATION_HEADER, TRACEPARENT_HEADER } from '../context/correlation';

export interface OutboxOptions {
  /** The aggregate the event is about; events of one aggregate leave in the order written. */
  aggregateId: string;
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
    await manager.query(
      `INSERT INTO outbox (id, aggregate_id, subject, event_type, payload, headers)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, options.aggregateId, contract.subjectIn(this.namespace), event.type, event, headers],
    );
    return event.id;
  }
}
