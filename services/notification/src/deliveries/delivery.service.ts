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
  messageId: string;
  params: SealedParams;
}

/** What one attempt came to: the channel's answer and what follows from it. */
interface Attempt {
  due: DueDelivery;
  result: ChannelResult;
  rendered?: RenderedMessage;
}

/**
 * Sends due deliveries a batch per transaction: the rows are claimed with FOR UPDATE SKIP
 * LOCKED (replicas never take the same one), sent at once while the locks are held, and the
 * outcomes recorded in that transaction, with their notification events in the outbox. A
 * crash between a provider's acceptance and the commit sends the batch's SMS and e-mails
 * again after restart, with the same Idempotency-Key / Message-ID, so the provider and the
 * reader can tell they are the same messages: the batch size bounds that window. In-app
 * messages are rows in the inbox table written in that transaction: exactly once.
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

  /** Sends up to `max` due deliveries; how many it took (0 when none is due). */
  async sendDue(max: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT d.id, d.cause_event_id AS "causeEventId", d.template, d.recipient_kind AS "recipientKind", d.recipient_id AS "recipientId",
                d.channel, d.address, d.language, d.attempts, d.message_id AS "messageId", m.params
           FROM notification_deliveries d JOIN notification_messages m ON m.id = d.message_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1
          ORDER BY d.next_attempt_at LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
        [this.clock.now(), max],
      )) as DueDelivery[];
      if (due.length === 0) return 0;
      const attempts = await Promise.all(this.rendered(due).map(({ due: one, rendered }) => this.send(one, rendered)));
      await this.toInbox(manager, attempts.filter((a) => a.due.channel === 'in-app'));
      await this.record(manager, attempts);
      return due.length;
    });
  }

  /** Each delivery's text; a message's params (the same for all its channels) are opened once. */
  private rendered(due: DueDelivery[]): Array<{ due: DueDelivery; rendered: RenderedMessage }> {
    const params = new Map<string, MessageContent['params']>();
    return due.map((one) => {
      let opened = params.get(one.messageId);
      if (!opened) params.set(one.messageId, (opened = openParams(this.cipher, one.params)));
      return { due: one, rendered: renderMessage({ template: one.template, params: opened } as MessageContent, one.language) };
    });
  }

  private async send(due: DueDelivery, rendered: RenderedMessage): Promise<Attempt> {
    switch (due.channel) {
      case 'sms': {
        const to = this.cipher.decrypt(due.address, 'address');
        return { due, result: await this.sms.send({ messageId: due.id, to, text: `【政府开放日】${rendered.text}` }) };
      }
      case 'email': {
        const to = this.cipher.decrypt(due.address, 'address');
        return { due, result: await this.email.send({ deliveryId: due.id, to, subject: rendered.subject, text: rendered.text }) };
      }
      case 'in-app':
        return { due, rendered, result: { ok: true, answer: 'stored in the in-app inbox' } };
    }
  }

  private async toInbox(manager: EntityManager, attempts: Attempt[]): Promise<void> {
    if (attempts.length === 0) return;
    const ownerKind = (due: DueDelivery) => (due.recipientKind === 'department' ? 'department' : 'user');
    await manager.query(
      `INSERT INTO notification_inbox (id, owner_kind, owner_id, template, title, body, received_at)
       SELECT id, owner_kind, owner_id, template, title, body, $7::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS m(id, owner_kind, owner_id, template, title, body)
       ON CONFLICT (id) DO NOTHING`,
      [
        attempts.map((a) => a.due.id),
        attempts.map((a) => ownerKind(a.due)),
        attempts.map((a) => this.cipher.decrypt(a.due.address, 'address')),
        attempts.map((a) => a.due.template),
        attempts.map((a) => a.rendered!.subject),
        attempts.map((a) => a.rendered!.text),
        this.clock.now(),
      ],
    );
  }

  private async record(manager: EntityManager, attempts: Attempt[]): Promise<void> {
    const now = this.clock.now();
    const rows = attempts.map(({ due, result }) => {
      const attempt = due.attempts + 1;
      const outcome = afterAttempt(result.ok, attempt, this.settings.maxAttempts, this.settings.retryBaseMs);
      const nextAttemptAt = outcome.status === 'pending' ? new Date(now.getTime() + outcome.retryInMs) : null;
      return { due, result, attempt, status: outcome.status, nextAttemptAt };
    });
    await manager.query(
      `UPDATE notification_deliveries d
          SET status = o.status, attempts = o.attempts, next_attempt_at = o.next_attempt_at, last_answer = o.answer, updated_at = $6
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::text[]) AS o(id, status, attempts, next_attempt_at, answer)
        WHERE d.id = o.id`,
      [rows.map((r) => r.due.id), rows.map((r) => r.status), rows.map((r) => r.attempt), rows.map((r) => r.nextAttemptAt), rows.map((r) => r.result.answer), now],
    );
    const events = rows.flatMap(({ due, result, attempt, status }) => {
      const ref = {
        notificationId: due.id,
        causeEventId: due.causeEventId,
        template: due.template,
        channel: due.channel,
        recipientKind: due.recipientKind,
        recipientId: due.recipientId,
        attempts: attempt,
      };
      if (status === 'sent') {
        return [this.outbox.event(NotificationDeliveredV1.contract, { ...ref, deliveredAt: now.toISOString() }, { aggregateId: due.id })];
      }
      if (status === 'failed') {
        this.logger.warn(`delivery ${due.id} (${due.template} by ${due.channel}) failed after ${attempt} attempts`);
        return [this.outbox.event(NotificationFailedV1.contract, { ...ref, reason: result.answer, failedAt: now.toISOString() }, { aggregateId: due.id })];
      }
      return [];
    });
    await this.outbox.addAll(manager, events);
  }
}
