import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@openday/messaging';

/**
 * Stops the bus before Nest closes the database: consumers finish the
 * message in hand (their transaction needs the pool), the relay publishes
 * what is committed, then the NATS connection drains.
 */
@Injectable()
export class BusShutdown implements BeforeApplicationShutdown {
  constructor(private readonly bus: EventBus) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}
