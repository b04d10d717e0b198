import type { OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventOf } from '@openday/contracts';
import type { BatchedEvent, EventBus, EventHandler } from '@openday/messaging';

/**
 * Base for a service's event handler provider: it subscribes its durable
 * consumer once the application has started, so every dependency is ready.
 * TData is the union of the data of the contracts it consumes (from libs/contracts):
 * `handle` receives one of them, narrowed with `Contract.matches(event)`.
 */
export abstract class EventSubscriber<TData> implements EventHandler<TData>, OnApplicationBootstrap {
  abstract readonly purpose: string;
  abstract readonly consumes: readonly EventContract<TData>[];

  protected constructor(private readonly bus: EventBus) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(this);
  }

  abstract handle(event: EventOf<TData>, manager: EntityManager): Promise<void>;

  handleBatch?(events: readonly BatchedEvent<TData>[], manager: EntityManager): Promise<void>;
}
