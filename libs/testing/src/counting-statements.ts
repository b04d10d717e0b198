import type { EventHandler } from '@openday/messaging';

/** What one batch handed to a handler cost: its events, the statements it sent (its inbox insert included), and whether it failed. */
export interface BatchCost {
  events: number;
  statements: number;
  failed: boolean;
}

/**
 * Wraps the handler's handleBatch to count the statements each batch sends to PostgreSQL through
 * its transaction, pushing one BatchCost per batch (a failed batch too, before it is retried event
 * by event). The count starts at 1 for the consumer's own inbox insert.
 */
export function countingStatements<H extends EventHandler>(handler: H, costs: BatchCost[]): H {
  const handleBatch = handler.handleBatch!.bind(handler);
  handler.handleBatch = async (events, manager) => {
    const query = manager.query.bind(manager);
    let statements = 1;
    manager.query = (...args: Parameters<typeof query>) => {
      statements += 1;
      return query(...args);
    };
    let failed = true;
    try {
      await handleBatch(events, manager);
      failed = false;
    } finally {
      manager.query = query;
      costs.push({ events: events.length, statements, failed });
    }
  };
  return handler;
}
