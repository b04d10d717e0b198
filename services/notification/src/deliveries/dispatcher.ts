import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NotificationFailedV1, type MessageLanguage, type NotificationChannel, type RecipientKind } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { Clock, type FieldCipher } from '@openday/platform';
import { ContactDirectory, type Contact } from '../contacts/contact-directory';
import { PERSONAL_DATA_CIPHER } from '../contacts/personal-data.provider';
import type { MessageContent } from '../templates/message-params';
import { sealParams } from './sealed-params';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';

export type Recipient =
  | { kind: 'person'; personId: string }
  | { kind: 'department'; departmentId: string }
  | { kind: 'sign-in'; mobile: string }
  | { kind: 'staff'; accountId: string; email: string };

export interface MessageRequest {
  /** The event the message answers (or a reminder's own key): with recipient and template, what makes it one message. */
  causeEventId: string;
  recipient: Recipient;
  content: MessageContent;
}

interface ChannelAddress {
  channel: NotificationChannel;
  address: string;
  language: MessageLanguage;
}

interface MessageRow {
  id: string;
  causeEventId: string;
  template: string;
  recipientKind: RecipientKind;
  recipientId: string | null;
}

const MESSAGE_COLUMNS = `id, cause_event_id AS "causeEventId", template, recipient_kind AS "recipientKind", recipient_id AS "recipientId"`;

/** Every channel a person has: SMS always, e-mail where an address was given, in-app to the applicant's account. */
export function channelsOfContact(contact: Contact): ChannelAddress[] {
  const channels: ChannelAddress[] = [{ channel: 'sms', address: contact.mobile, language: contact.language }];
  if (contact.email) channels.push({ channel: 'email', address: contact.email, language: contact.language });
  channels.push({ channel: 'in-app', address: contact.applicantUserId, language: contact.language });
  return channels;
}

/**
 * Turns "tell this recipient this" into one message row and one delivery row per channel, in
 * the caller's transaction. The unique keys make a second request for the same (cause event,
 * recipient, template) a no-op, whichever replica or redelivery makes it. A person whose
 * contact details have not arrived yet gets a message waiting for them (deliveries follow
 * when they arrive; after CONTACT_WAIT_MINUTES it fails).
 */
@Injectable()
export class Dispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactDirectory,
    private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: FieldCipher,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async dispatch(manager: EntityManager, request: MessageRequest): Promise<void> {
    const now = this.clock.now();
    const channels = await this.channelsOf(manager, request.recipient);
    const waitUntil = channels ? null : new Date(now.getTime() + this.settings.contactWaitMinutes * 60_000);
    const [message] = (await manager.query(
      `INSERT INTO notification_messages (id, cause_event_id, template, recipient_kind, recipient_id, params, status, wait_until, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT DO NOTHING
       RETURNING ${MESSAGE_COLUMNS}`,
      [
        randomUUID(),
        request.causeEventId,
        request.content.template,
        request.recipient.kind,
        recipientIdOf(request.recipient),
        sealParams(this.cipher, request.content.params),
        channels ? 'dispatched' : 'waiting-for-contact',
        waitUntil,
        now,
      ],
    )) as MessageRow[];
    if (message && channels) await this.addDeliveries(manager, message, channels);
  }

  /** The person's contact details arrived (as just stored): messages waiting for them get their deliveries. */
  async contactArrived(manager: EntityManager, contact: Contact): Promise<void> {
    const personId = contact.personId;
    const waiting = (await manager.query(
      `SELECT ${MESSAGE_COLUMNS} FROM notification_messages
        WHERE status = 'waiting-for-contact' AND recipient_kind = 'person' AND recipient_id = $1 ORDER BY created_at FOR UPDATE`,
      [personId],
    )) as MessageRow[];
    for (const message of waiting) {
      await this.addDeliveries(manager, message, channelsOfContact(contact));
      await manager.query(`UPDATE notification_messages SET status = 'dispatched', wait_until = NULL, updated_at = $2 WHERE id = $1`, [
        message.id,
        this.clock.now(),
      ]);
    }
  }

  /** Fails messages whose recipient's contact details never came, each replica taking its own (SKIP LOCKED). */
  async expireWaiting(max = 50): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const expired = (await manager.query(
        `SELECT ${MESSAGE_COLUMNS} FROM notification_messages
          WHERE status = 'waiting-for-contact' AND wait_until <= $1 ORDER BY wait_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, max],
      )) as MessageRow[];
      const reason = `no contact details arrived within ${this.settings.contactWaitMinutes} minutes`;
      for (const message of expired) {
        await manager.query(`UPDATE notification_messages SET status = 'failed', reason = $2, wait_until = NULL, updated_at = $3 WHERE id = $1`, [
          message.id,
          reason,
          now,
        ]);
        // SMS is the channel every person has; the message never reached any channel.
        await this.outbox.add(
          manager,
          NotificationFailedV1.contract,
          {
            notificationId: message.id,
            causeEventId: message.causeEventId,
            template: message.template as NotificationFailedV1['template'],
            channel: 'sms',
            recipientKind: message.recipientKind,
            recipientId: message.recipientId,
            attempts: 1,
            reason,
            failedAt: now.toISOString(),
          },
          { aggregateId: message.id },
        );
      }
      return expired.length;
    });
  }

  private async channelsOf(manager: EntityManager, recipient: Recipient): Promise<ChannelAddress[] | undefined> {
    switch (recipient.kind) {
      case 'sign-in':
        return [{ channel: 'sms', address: recipient.mobile, language: 'zh-CN' }];
      case 'department':
        return [{ channel: 'in-app', address: recipient.departmentId, language: 'zh-CN' }];
      case 'staff':
        return [{ channel: 'email', address: recipient.email, language: 'zh-CN' }];
      case 'person': {
        await this.contacts.lockPerson(manager, recipient.personId);
        const contact = await this.contacts.find(manager, recipient.personId);
        return contact && channelsOfContact(contact);
      }
    }
  }

  private async addDeliveries(manager: EntityManager, message: MessageRow, channels: ChannelAddress[]): Promise<void> {
    await manager.query(
      `INSERT INTO notification_deliveries (id, message_id, cause_event_id, template, recipient_kind, recipient_id, channel, address, language,
                                            status, attempts, next_attempt_at, created_at, updated_at)
       SELECT id, $1::uuid, $2::text, $3::text, $4::text, $5::text, channel, address, language, 'pending', 0, $6::timestamptz, $6::timestamptz, $6::timestamptz
         FROM unnest($7::uuid[], $8::text[], $9::text[], $10::text[]) AS channels(id, channel, address, language)
       ON CONFLICT DO NOTHING`,
      [
        message.id,
        message.causeEventId,
        message.template,
        message.recipientKind,
        message.recipientId,
        this.clock.now(),
        channels.map(() => randomUUID()),
        channels.map((c) => c.channel),
        channels.map((c) => this.cipher.encrypt(c.address, 'address')),
        channels.map((c) => c.language),
      ],
    );
  }
}

function recipientIdOf(recipient: Recipient): string | null {
  if (recipient.kind === 'person') return recipient.personId;
  if (recipient.kind === 'department') return recipient.departmentId;
  if (recipient.kind === 'staff') return recipient.accountId;
  return null;
}
