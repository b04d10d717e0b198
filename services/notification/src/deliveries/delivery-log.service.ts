import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, DeliveryLogQuery, DeliveryPage, DeliveryView, NotificationChannel } from '@openday/contracts';
import { maskEmail, maskMobile } from '@openday/domain';
import { keysetCursor, problem, type FieldCipher } from '@openday/platform';
import { PERSONAL_DATA_CIPHER } from '../contacts/personal-data.provider';

const LOG_PAGES = keysetCursor('delivery-log', ['timestamp', 'uuid']);

type LogRow = Omit<DeliveryView, 'createdAt' | 'updatedAt' | 'nextAttemptAt'> & { createdAt: Date; updatedAt: Date; nextAttemptAt: Date | null };

/**
 * The delivery log for the city office: every delivery, and every message still waiting for
 * (or failed for lack of) contact details, which has no channel yet. Addresses masked.
 */
const LOG = `
  SELECT id AS "deliveryId", cause_event_id AS "causeEventId", template, channel, recipient_kind AS "recipientKind",
         recipient_id AS "recipientId", address, status, attempts, next_attempt_at AS "nextAttemptAt", last_answer AS "lastAnswer",
         created_at AS "createdAt", updated_at AS "updatedAt"
    FROM notification_deliveries
  UNION ALL
  SELECT id, cause_event_id, template, NULL, recipient_kind, recipient_id, NULL, status, 0, wait_until, reason, created_at, updated_at
    FROM notification_messages WHERE status <> 'dispatched'`;

@Injectable()
export class DeliveryLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async list(actor: Actor, query: DeliveryLogQuery): Promise<DeliveryPage> {
    if (actor.role !== 'city-office') throw problem('not-found', { detail: 'No delivery log for you.' });
    const limit = query.limit ?? 100;
    const params: unknown[] = [limit + 1];
    const conditions: string[] = [];
    const filter = (column: string, value: unknown) => {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    };
    if (query.status) filter('status', query.status);
    if (query.channel) filter('channel', query.channel);
    if (query.template) filter('template', query.template);
    if (query.cursor !== undefined) {
      params.push(...LOG_PAGES.read(query.cursor));
      conditions.push(`("createdAt", "deliveryId") > ($${params.length - 1}, $${params.length})`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = (await this.dataSource.query(
      `SELECT * FROM (${LOG}) log ${where} ORDER BY "createdAt", "deliveryId" LIMIT $1`,
      params,
    )) as LogRow[];
    const page = LOG_PAGES.page(rows, limit, (row) => [row.createdAt.toISOString(), row.deliveryId]);
    return { items: page.items.map((row) => this.view(row)), nextCursor: page.nextCursor };
  }

  private view(row: LogRow): DeliveryView {
    return {
      ...row,
      address: row.address === null ? null : masked(row.channel, this.cipher.decrypt(row.address, 'address')),
      nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/** Phones and e-mail addresses masked; an in-app inbox is named by its account or department, which is not personal data. */
function masked(channel: NotificationChannel | null, address: string): string {
  if (channel === 'sms') return maskMobile(address);
  if (channel === 'email') return maskEmail(address);
  return address;
}
