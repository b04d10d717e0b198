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
    await this.dispatchAll(manager, [request]);
  }

  /**
   * Many messages in two statements whatever their number: the people's contacts in one read,
   * then the messages and their deliveries in one insert (a message already made, whether by
   * an earlier event or earlier in this batch, gets neither a second row nor deliveries).
   */
  async dispatchAll(manager: EntityManager, requests: readonly MessageRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const now = this.clock.now();
    const waitUntil = new Date(now.getTime() + this.settings.contactWaitMinutes * 60_000);
    const people = requests.flatMap(({ recipient }) => (recipient.kind === 'person' ? [recipient.personId] : []));
    await this.contacts.lockPeople(manager, people);
    const contacts = await this.contacts.findAll(manager, people);
    const messages = requests.map((request) => ({ id: randomUUID(), request, channels: channelsOf(request.recipient, contacts) }));
    const deliveries = messages.flatMap(({ id, channels }) => (channels ?? []).map((channel) => ({ messageId: id, ...channel })));
    await manager.query(
      `WITH message AS (
         INSERT INTO notification_messages (id, cause_event_id, template, recipient_kind, recipient_id, params, status, wait_until, created_at, updated_at)
         SELECT id, cause_event_id, template, recipient_kind, recipient_id, params::jsonb, status, wait_until, $9, $9
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
             AS m(id, cause_event_id, template, recipient_kind, recipient_id, params, status, wait_until)
         ON CONFLICT DO NOTHING
         RETURNING id, cause_event_id, template, recipient_kind, recipient_id)
       INSERT INTO notification_deliveries (id, message_id, cause_event_id, template, recipient_kind, recipient_id, channel, address, language,
                                            status, attempts, next_attempt_at, created_at, updated_at)
       SELECT d.id, m.id, m.cause_event_id, m.template, m.recipient_kind, m.recipient_id, d.channel, d.address, d.language, 'pending', 0, $9, $9, $9
         FROM unnest($10::uuid[], $11::uuid[], $12::text[], $13::text[], $14::text[]) AS d(id, message_id, channel, address, language)
         JOIN message m ON m.id = d.message_id
       ON CONFLICT DO NOTHING`,
      [
        messages.map((m) => m.id),
        messages.map((m) => m.request.causeEventId),
        messages.map((m) => m.request.content.template),
        messages.map((m) => m.request.recipient.kind),
        messages.map((m) => recipientIdOf(m.request.recipient)),
        messages.map((m) => JSON.stringify(sealParams(this.cipher, m.request.content.params))),
        messages.map((m) => (m.channels ? 'dispatched' : 'waiting-for-contact')),
        messages.map((m) => (m.channels ? null : waitUntil)),
        now,
        deliveries.map(() => randomUUID()),
        deliveries.map((d) => d.messageId),
        deliveries.map((d) => d.channel),
        deliveries.map((d) => this.cipher.encrypt(d.address, 'address')),
        deliveries.map((d) => d.language),
      ],
    );
  }

  /** Contact details arrived (as just stored): the messages waiting for these people get their deliveries, in one statement. */
  async contactsArrived(manager: EntityManager, contacts: readonly Contact[]): Promise<void> {
    const channels = contacts.flatMap((contact) => channelsOfContact(contact).map((channel) => ({ personId: contact.personId, ...channel })));
    if (channels.length === 0) return;
    await manager.query(
      `WITH released AS (
         UPDATE notification_messages SET status = 'dispatched', wait_until = NULL, updated_at = $1
          WHERE status = 'waiting-for-contact' AND recipient_kind = 'person' AND recipient_id = ANY($2::text[])
         RETURNING id, cause_event_id, template, recipient_kind, recipient_id)
       INSERT INTO notification_deliveries (id, message_id, cause_event_id, template, recipient_kind, recipient_id, channel, address, language,
                                            status, attempts, next_attempt_at, created_at, updated_at)
       SELECT gen_random_uuid(), r.id, r.cause_event_id, r.template, r.recipient_kind, r.recipient_id, c.channel, c.address, c.language, 'pending', 0, $1, $1, $1
         FROM released r JOIN unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS c(person_id, channel, address, language) ON c.person_id = r.recipient_id
       ON CONFLICT DO NOTHING`,
      [
        this.clock.now(),
        contacts.map((c) => c.personId),
        channels.map((c) => c.personId),
        channels.map((c) => c.channel),
        channels.map((c) => this.cipher.encrypt(c.address, 'address')),
        channels.map((c) => c.language),
      ],
    );
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
}

/** Where a recipient is reached; undefined for a person whose contact details have not arrived. */
function channelsOf(recipient: Recipient, contacts: ReadonlyMap<string, Contact>): ChannelAddress[] | undefined {
  switch (recipient.kind) {
    case 'sign-in':
      return [{ channel: 'sms', address: recipient.mobile, language: 'zh-CN' }];
    case 'department':
      return [{ channel: 'in-app', address: recipient.departmentId, language: 'zh-CN' }];
    case 'staff':
      return [{ channel: 'email', address: recipient.email, language: 'zh-CN' }];
    case 'person': {
      const contact = contacts.get(recipient.personId.toLowerCase());
      return contact && channelsOfContact(contact);
    }
  }
}

function recipientIdOf(recipient: Recipient): string | null {
  if (recipient.kind === 'person') return recipient.personId;
  if (recipient.kind === 'department') return recipient.departmentId;
  if (recipient.kind === 'staff') return recipient.accountId;
  return null;
}
