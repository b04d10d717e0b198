export interface ReconnectBackoff {
  initialMs: number;
  maxMs: number;
}

export const defaultReconnectBackoff: ReconnectBackoff = { initialMs: 100, maxMs: 5_000 };

/** Wait before reconnect attempt `attempt` (0-based): doubling from initialMs, capped at maxMs. */
export function reconnectDelayMs(attempt: number, backoff: ReconnectBackoff = defaultReconnectBackoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt));
}
