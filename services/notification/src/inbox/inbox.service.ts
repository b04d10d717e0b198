import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, InboxMessageView, InboxPage, PageQuery, NotificationTemplate } from '@openday/contracts';
import { Clock, keysetCursor, problem } from '@openday/platform';
import { Inject } from '@nestjs/common';

interface InboxRow {
  id: string;
  template: NotificationTemplate;
  title: string;
  body: string;
  receivedAt: Date;
  readAt: Date | null;
}

/** Whose inbox the caller reads: a citizen their account's, staff their agency's (department) inbox. */
export function inboxOwnerOf(actor: Actor): { kind: 'user' | 'department'; id: string } | undefined {
  if (actor.role === 'citizen') return { kind: 'user', id: actor.userId };
  return actor.agencyId ? { kind: 'department', id: actor.agencyId } : undefined;
}

const INBOX_PAGES = keysetCursor('inbox', ['timestamp', 'uuid']);

const COLUMNS = `id, template, title, body, received_at AS "receivedAt", read_at AS "readAt"`;

@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Newest first, cursor-paginated. The city office has no department inbox: an empty page. */
  async list(actor: Actor, query: PageQuery): Promise<InboxPage> {
    const owner = inboxOwnerOf(actor);
    if (!owner) return { items: [], nextCursor: null };
    const limit = query.limit ?? 50;
    const params: unknown[] = [owner.kind, owner.id, limit + 1];
    let condition = 'owner_kind = $1 AND owner_id = $2';
    if (query.cursor !== undefined) {
      params.push(...INBOX_PAGES.read(query.cursor));
      condition += ' AND (received_at, id) < ($4, $5)';
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification_inbox WHERE ${condition} ORDER BY received_at DESC, id DESC LIMIT $3`,
      params,
    )) as InboxRow[];
    const page = INBOX_PAGES.page(rows, limit, (row) => [row.receivedAt.toISOString(), row.id]);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** Marks the caller's message read (the first time counts); another's message answers 404. */
  async markRead(actor: Actor, messageId: string): Promise<InboxMessageView> {
    const owner = inboxOwnerOf(actor);
    const [rows] = owner
      ? ((await this.dataSource.query(
          `UPDATE notification_inbox SET read_at = COALESCE(read_at, $4) WHERE id = $1 AND owner_kind = $2 AND owner_id = $3 RETURNING ${COLUMNS}`,
          [messageId, owner.kind, owner.id, this.clock.now()],
        )) as [InboxRow[], number])
      : [[]];
    if (!rows[0]) throw problem('not-found', { detail: `No message ${messageId} in your inbox.` });
    return view(rows[0]);
  }
}

function view(row: InboxRow): InboxMessageView {
  return {
    messageId: row.id,
    template: row.template,
    title: row.title,
    body: row.body,
    receivedAt: row.receivedAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
