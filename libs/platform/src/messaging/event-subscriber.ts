import type { OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventContract } from '@openday/contracts';
import type { EventBus, EventHandler } from '@openday/messaging';

/**
 * Base for a service's event handler provider: it subscribes its durable
 * consumer once the application has started, so every dependency is ready.
 */
export abstract class EventSubscriber implements EventHandler, OnApplicationBootstrap {
  abstract readonly purpose: string;
  abstract readonly consumes: readonly EventContract[];

  protected constructor(private readonly bus: EventBus) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(this);
  }

  abstract handle(event: CloudEvent, manager: EntityManager): Promise<void>;
}
