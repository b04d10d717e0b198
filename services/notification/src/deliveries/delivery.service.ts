import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  NotificationDeliveredV1,
  NotificationFailedV1,
  type MessageLanguage,
  type NotificationChannel,
  type NotificationTemplate,
  type RecipientKind,
} from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, type FieldCipher } from '@openday/platform';
import { EmailSender } from '../channels/email.sender';
import { SmsSender } from '../channels/sms.sender';
import type { ChannelResult } from '../channels/channel-result';
import { PERSONAL_DATA_CIPHER } from '../contacts/personal-data.provider';
import type { MessageContent, RenderedMessage } from '../templates/message-params';
import { openParams, type SealedParams } from './sealed-params';
import { renderMessage } from '../templates/render-message';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { afterAttempt } from './retry-policy';

interface DueDelivery {
  id: string;
  causeEventId: string;
  template: NotificationTemplate;
  recipientKind: RecipientKind;
  recipientId: string | null;
  channel: NotificationChannel;
  address: string;
  language: MessageLanguage;
  attempts: number;
  params: SealedParams;
}

/**
 * Sends due deliveries, one per transaction: the row is claimed with FOR UPDATE SKIP LOCKED
 * (replicas never take the same one), sent while the lock is held, and the outcome recorded
 * in the same transaction, with its notification event in the outbox. One row per
 * transaction keeps the crash window (sent, not yet recorded) to a single message; such a
 * message is sent again after restart with the same Idempotency-Key / Message-ID, so the
 * provider and the reader can tell it is the same one. In-app messages are rows in the inbox
 * table written in that transaction: exactly once.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly sms: SmsSender,
    private readonly email: EmailSender,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: FieldCipher,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /** Sends one due delivery; false when none is due. */
  async sendNext(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [due] = (await manager.query(
        `SELECT d.id, d.cause_event_id AS "causeEventId", d.template, d.recipient_kind AS "recipientKind", d.recipient_id AS "recipientId",
                d.channel, d.address, d.language, d.attempts, m.params
           FROM notification_deliveries d JOIN notification_messages m ON m.id = d.message_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1
          ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
        [this.clock.now()],
      )) as DueDelivery[];
      if (!due) return false;
      const rendered = renderMessage({ template: due.template, params: openParams(this.cipher, due.params) } as MessageContent, due.language);
      const result = await this.send(manager, due, this.cipher.decrypt(due.address, 'address'), rendered);
      await this.record(manager, due, result);
      return true;
    });
  }

  private send(manager: EntityManager, due: DueDelivery, address: string, rendered: RenderedMessage): Promise<ChannelResult> {
    switch (due.channel) {
      case 'sms':
        return this.sms.send({ messageId: due.id, to: address, text: `【政府开放日】${rendered.text}` });
      case 'email':
        return this.email.send({ deliveryId: due.id, to: address, subject: rendered.subject, text: rendered.text });
      case 'in-app':
        return this.toInbox(manager, due, address, rendered);
    }
  }

  private async toInbox(manager: EntityManager, due: DueDelivery, owner: string, rendered: RenderedMessage): Promise<ChannelResult> {
    await manager.query(
      `INSERT INTO notification_inbox (id, owner_kind, owner_id, template, title, body, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING`,
      [due.id, due.recipientKind === 'department' ? 'department' : 'user', owner, due.template, rendered.subject, rendered.text, this.clock.now()],
    );
    return { ok: true, answer: 'stored in the in-app inbox' };
  }

  private async record(manager: EntityManager, due: DueDelivery, result: ChannelResult): Promise<void> {
    const now = this.clock.now();
    const attempt = due.attempts + 1;
    const outcome = afterAttempt(result.ok, attempt, this.settings.maxAttempts, this.settings.retryBaseMs);
    const nextAttemptAt = outcome.status === 'pending' ? new Date(now.getTime() + outcome.retryInMs) : null;
    await manager.query(
      `UPDATE notification_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_answer = $5, updated_at = $6 WHERE id = $1`,
      [due.id, outcome.status, attempt, nextAttemptAt, result.answer, now],
    );
    const ref = {
      notificationId: due.id,
      causeEventId: due.causeEventId,
      template: due.template,
      channel: due.channel,
      recipientKind: due.recipientKind,
      recipientId: due.recipientId,
      attempts: attempt,
    };
    if (outcome.status === 'sent') {
      await this.outbox.add(manager, NotificationDeliveredV1.contract, { ...ref, deliveredAt: now.toISOString() }, { aggregateId: due.id });
    } else if (outcome.status === 'failed') {
      this.logger.warn(`delivery ${due.id} (${due.template} by ${due.channel}) failed after ${attempt} attempts`);
      await this.outbox.add(manager, NotificationFailedV1.contract, { ...ref, reason: result.answer, failedAt: now.toISOString() }, { aggregateId: due.id });
    }
  }
}
