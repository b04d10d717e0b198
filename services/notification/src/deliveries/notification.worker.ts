import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG } from '@openday/platform';
import type { NotificationConfig } from '../notification.config';
import { ReminderService } from '../reminders/reminder.service';
import { TicketMessagesService } from '../tickets/ticket-messages.service';
import { DeliveryService } from './delivery.service';
import { Dispatcher } from './dispatcher';

/** Senders per replica: each holds one claimed batch of deliveries (and one database connection) while it sends. */
const SENDERS = 2;

/**
 * The replica's background work: SENDERS loops sending due deliveries (DELIVERY_BATCH_SIZE per
 * transaction), and one loop firing
 * reminders, failing messages that waited too long for contact details and announcing tickets
 * whose selection never came. A loop that finds
 * nothing sleeps DELIVERY_POLL_MS; all stop before the database closes.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationWorker.name);
  private running = false;
  private loops: Array<Promise<void>> = [];
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly deliveries: DeliveryService,
    private readonly reminders: ReminderService,
    private readonly dispatcher: Dispatcher,
    private readonly tickets: TicketMessagesService,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    const send = async () => (await this.deliveries.sendDue(this.config.DELIVERY_BATCH_SIZE)) > 0;
    const housekeeping = async () => (await this.reminders.fireDue()) + (await this.dispatcher.expireWaiting()) + (await this.tickets.announceUnmatched()) > 0;
    this.loops = [...Array.from({ length: SENDERS }, () => this.run('delivery', send)), this.run('timers', housekeeping)];
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.all(this.loops);
  }

  private async run(name: string, work: () => Promise<boolean>): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        busy = await work();
      } catch (err) {
        this.logger.error(`${name} loop failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!busy && this.running) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.config.DELIVERY_POLL_MS);
      this.wakers.add(wake);
    });
  }
}
