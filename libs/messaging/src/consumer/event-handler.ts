import type { EntityManager } from 'typeorm';
import type { EventContract, EventOf } from '@openday/contracts';
import type { CorrelationContext } from '../context/correlation';

/** An event of a batch with the correlation its message carried (for events the handler writes in its name). */
export interface BatchedEvent<TData = unknown> {
  event: EventOf<TData>;
  correlation: CorrelationContext;
}

/**
 * One purpose = one durable consumer shared by all replicas of a service.
 * `handle` runs inside a transaction that also records the event id in the
 * inbox, so a redelivered event changes nothing. Several events share one
 * transaction (in stream order), so a handler must not swallow a failed
 * statement and go on: PostgreSQL has aborted the transaction by then (use a
 * savepoint, or let it throw: the consumer then retries each event alone).
 * TData is the union of the consumed contracts' data: the consumer has checked each event
 * against its contract's schema before the handler sees it.
 */
export interface EventHandler<TData = unknown> {
  /** Durable consumer name part, e.g. "open-day-copy". */
  readonly purpose: string;
  /** Event types this handler acts on; all must come from one producing service. */
  readonly consumes: readonly EventContract<TData>[];
  handle(event: EventOf<TData>, manager: EntityManager): Promise<void>;
  /**
   * Optional: applies the new events of a batch at once (in stream order), instead of
   * `handle` per event; an event retried alone still goes to `handle`.
   */
  handleBatch?(events: readonly BatchedEvent<TData>[], manager: EntityManager): Promise<void>;
}

export interface RedeliveryPolicy {
  /** Tries before the message is dead-lettered. */
  maxDeliver: number;
  /** Delay before try n+1 is backoffMs[n-1] (the last entry repeats). */
  backoffMs: number[];
}

export const defaultRedeliveryPolicy: RedeliveryPolicy = {
  maxDeliver: 5,
  backoffMs: [200, 1_000, 5_000, 15_000],
};

export function backoffDelay(policy: RedeliveryPolicy, deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount - 1, 0), policy.backoffMs.length - 1);
  return policy.backoffMs[index] ?? 0;
}
