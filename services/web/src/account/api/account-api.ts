import { api, unwrap } from '../../api/client';
import type { ApplicationBody } from '../apply/application-draft';
import type {
  ApplicationView,
  FeedbackItemView,
  FeedbackTopic,
  InboxMessageView,
  Page,
  SurveyView,
  TicketView,
} from './views';
import type { PublicOpenDay } from './public-open-day';

type Method = 'GET' | 'POST';
interface CallOptions {
  path?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  idempotencyKey?: string;
}
type LooseCall = (
  url: string,
  init: { params: { path?: Record<string, string>; query?: Record<string, string | number> }; body?: unknown; headers?: Record<string, string> },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * One call through the portal's API client (session, language, refresh). The
 * gateway's OpenAPI document leaves out the path parameters and several
 * responses of these routes (`path?: never`, no 200 body), so the typed
 * signature cannot express them; the shapes are ./views, checked by the pages.
 */
function call<T>(method: Method, url: string, options: CallOptions = {}): Promise<T> {
  const send = api[method] as unknown as LooseCall;
  const headers = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : undefined;
  return unwrap(send(url, { params: { path: options.path, query: options.query }, body: options.body, headers })) as Promise<T>;
}

/** Every page of a citizen's own list: a citizen has few items, and the timeline needs them all. */
async function allPages<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string | number> = cursor ? { limit: 100, cursor } : { limit: 100 };
    const page: Page<T> = await call<Page<T>>('GET', url, { query });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const accountApi = {
  openDay: (id: string) => call<PublicOpenDay>('GET', '/api/v1/public/open-days/{id}', { path: { id } }),

  applications: () => allPages<ApplicationView>('/api/v1/me/applications'),
  apply: (openDayId: string, body: ApplicationBody, idempotencyKey: string) =>
    call<ApplicationView>('POST', '/api/v1/open-days/{id}/applications', { path: { id: openDayId }, body, idempotencyKey }),
  withdraw: (applicationId: string) => call<ApplicationView>('POST', '/api/v1/applications/{id}/withdrawal', { path: { id: applicationId } }),

  tickets: () => allPages<TicketView>('/api/v1/my/tickets'),
  ticket: (ticketId: string) => call<TicketView>('GET', '/api/v1/my/tickets/{ticketId}', { path: { ticketId } }),

  inboxPage: (cursor: string | null) =>
    call<Page<InboxMessageView>>('GET', '/api/v1/my/inbox', { query: cursor ? { limit: 50, cursor } : { limit: 50 } }),
  markRead: (messageId: string) => call<InboxMessageView>('POST', '/api/v1/my/inbox/{messageId}/read', { path: { messageId } }),

  feedback: () => allPages<FeedbackItemView>('/api/v1/my/feedback'),
  giveOpinion: (openDayId: string, body: { topic: FeedbackTopic; text: string; attachment?: string }, idempotencyKey: string) =>
    call<FeedbackItemView>('POST', '/api/v1/open-days/{id}/feedback', { path: { id: openDayId }, body, idempotencyKey }),
  rate: (feedbackId: string, rating: number) =>
    call<FeedbackItemView>('POST', '/api/v1/my/feedback/{feedbackId}/rating', { path: { feedbackId }, body: { rating } }),

  survey: (openDayId: string) => call<SurveyView>('GET', '/api/v1/open-days/{id}/survey', { path: { id: openDayId } }),
  answerSurvey: (openDayId: string, answers: Array<{ questionId: string; value: unknown }>, idempotencyKey: string) =>
    call<unknown>('POST', '/api/v1/open-days/{id}/survey/responses', { path: { id: openDayId }, body: { answers }, idempotencyKey }),
};
