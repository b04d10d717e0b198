/**
 * Between a consumer's message iterator and its worker: the worker takes what has arrived,
 * up to a batch; the iterator waits while a full batch already waits, so what a replica holds
 * unacknowledged stays bounded (in the worker's hands, here, and in the client's pull buffer).
 */
export class BatchQueue<T> {
  private items: T[] = [];
  private closed = false;
  private itemArrived?: () => void;
  private spaceFreed?: () => void;

  constructor(private readonly capacity: number) {}

  /** Waits while `capacity` items wait already; after close, the item is kept for the taker to hand back. */
  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.closed) {
      await new Promise<void>((resolve) => (this.spaceFreed = resolve));
    }
    this.items.push(item);
    this.wake('itemArrived');
  }

  /** No more items will come: a taker waiting on an empty queue gets []. */
  close(): void {
    this.closed = true;
    this.wake('itemArrived');
    this.wake('spaceFreed');
  }

  /**
   * Up to `max` items in arrival order: waits for the first, then (when fewer than `max` are
   * there) `waitMs` for the rest of a pull still arriving. [] once closed and empty.
   */
  async take(max: number, waitMs: number): Promise<T[]> {
    while (this.items.length === 0) {
      if (this.closed) return [];
      await new Promise<void>((resolve) => (this.itemArrived = resolve));
    }
    if (this.items.length < max && waitMs > 0 && !this.closed) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    const batch = this.items.splice(0, max);
    this.wake('spaceFreed');
    return batch;
  }

  private wake(waiter: 'itemArrived' | 'spaceFreed'): void {
    const resolve = this[waiter];
    this[waiter] = undefined;
    resolve?.();
  }
}
