import type { EntityManager } from 'typeorm';
import type { AnswerOutcome, FeedbackItemPage, FeedbackItemView, FeedbackSource, FeedbackStatus, FeedbackTopic } from '@openday/contracts';
import { keysetCursor } from '@openday/platform';

/** Oldest first: the (submitted_at, id) of the last item on the previous page. */
const ITEM_PAGES = keysetCursor('feedback-items', ['timestamp', 'uuid']);

export interface ItemRow {
  id: string;
  open_day_id: string;
  agency_id: string;
  title: string | null;
  ticket_id: string | null;
  person_id: string | null;
  applicant_user_id: string | null;
  source: FeedbackSource;
  topic: FeedbackTopic;
  text: string;
  attachment: string | null;
  submitted_at: Date;
  status: FeedbackStatus;
  department_id: string | null;
  due_date: string | null;
  assigned_at: Date | null;
  overdue: boolean;
  ever_overdue: boolean;
  chase_count: number;
  outcome: AnswerOutcome | null;
  answer: string | null;
  promised_by: string | null;
  passed_to: string | null;
  late: boolean | null;
  answered_at: Date | null;
  rating: number | null;
}

const SELECT = `SELECT i.*, i.due_date::text AS due_date, i.promised_by::text AS promised_by, o.title
                  FROM fb_items i JOIN fb_open_days o ON o.id = i.open_day_id`;

export async function findItem(manager: EntityManager, id: string, forUpdate = false): Promise<ItemRow | undefined> {
  const rows = (await manager.query(`${SELECT} WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`, [id])) as ItemRow[];
  return rows[0];
}

export interface ItemFilter {
  status?: FeedbackStatus;
  topic?: FeedbackTopic;
  overdue?: 'true' | 'false';
  cursor?: string;
  limit?: number;
}

/** A page of items matching `where` (a condition on `i`, parameters from $1) and the filters, oldest first. */
export async function pageOfItems(manager: EntityManager, where: string, params: unknown[], filter: ItemFilter): Promise<FeedbackItemPage> {
  const conditions = [where];
  const values = [...params];
  const add = (condition: (n: number) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(values.length));
  };
  if (filter.status) add((n) => `i.status = $${n}`, filter.status);
  if (filter.topic) add((n) => `i.topic = $${n}`, filter.topic);
  if (filter.overdue) add((n) => `i.overdue = $${n}`, filter.overdue === 'true');
  if (filter.cursor) {
    const [at, id] = ITEM_PAGES.read(filter.cursor);
    values.push(new Date(at), id);
    conditions.push(`(i.submitted_at, i.id) > ($${values.length - 1}, $${values.length})`);
  }
  const limit = filter.limit ?? 50;
  values.push(limit + 1);
  const rows = (await manager.query(
    `${SELECT} WHERE ${conditions.join(' AND ')} ORDER BY i.submitted_at, i.id LIMIT $${values.length}`,
    values,
  )) as ItemRow[];
  const page = ITEM_PAGES.page(rows, limit, (row) => [row.submitted_at.toISOString(), row.id]);
  return { items: page.items.map(toItemView), nextCursor: page.nextCursor };
}

export function toItemView(row: ItemRow): FeedbackItemView {
  return {
    id: row.id,
    openDayId: row.open_day_id,
    agencyId: row.agency_id,
    openDayTitle: row.title,
    topic: row.topic,
    text: row.text,
    attachment: row.attachment,
    source: row.source,
    personId: row.person_id,
    submittedAt: row.submitted_at.toISOString(),
    status: row.status,
    departmentId: row.department_id,
    dueDate: row.due_date,
    assignedAt: row.assigned_at?.toISOString() ?? null,
    overdue: row.overdue,
    everOverdue: row.ever_overdue,
    chaseCount: row.chase_count,
    answer:
      row.outcome && row.answer && row.answered_at
        ? {
            outcome: row.outcome,
            answer: row.answer,
            promisedBy: row.promised_by,
            passedTo: row.passed_to,
            answeredAt: row.answered_at.toISOString(),
            late: row.late ?? false,
          }
        : null,
    rating: row.rating,
  };
}
