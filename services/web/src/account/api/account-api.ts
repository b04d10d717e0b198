import { api, unwrap } from '../../api/client';
import type { ApplicationBody } from '../apply/application-draft';
import type { FeedbackTopic } from './views';

const PAGE = 100;

/** Every page of one of the citizen's own lists: a citizen has few items, and the timeline needs them all. */
async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The headers of a POST that creates something: a retry with the same key returns the first result. */
const once = (idempotencyKey: string) => ({ header: { 'Idempotency-Key': idempotencyKey } });

/** The gateway's routes the signed-in pages use, each in one line. */
export const accountApi = {
  openDay: (id: string) => unwrap(api.GET('/api/v1/public/open-days/{id}', { params: { path: { id } } })),

  applications: () => allPages((cursor) => unwrap(api.GET('/api/v1/me/applications', { params: { query: { limit: PAGE, cursor } } }))),
  apply: (openDayId: string, body: ApplicationBody, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/open-days/{id}/applications', { params: { path: { id: openDayId }, ...once(idempotencyKey) }, body })),
  withdraw: (applicationId: string) => unwrap(api.POST('/api/v1/applications/{id}/withdrawal', { params: { path: { id: applicationId } } })),

  tickets: () => allPages((cursor) => unwrap(api.GET('/api/v1/my/tickets', { params: { query: { limit: PAGE, cursor } } }))),
  ticket: (ticketId: string) => unwrap(api.GET('/api/v1/my/tickets/{ticketId}', { params: { path: { ticketId } } })),

  inboxPage: (cursor: string | null) => unwrap(api.GET('/api/v1/my/inbox', { params: { query: { limit: 50, cursor: cursor ?? undefined } } })),
  markRead: (messageId: string) => unwrap(api.POST('/api/v1/my/inbox/{messageId}/read', { params: { path: { messageId } } })),

  feedback: () => allPages((cursor) => unwrap(api.GET('/api/v1/my/feedback', { params: { query: { limit: PAGE, cursor } } }))),
  giveOpinion: (openDayId: string, body: { topic: FeedbackTopic; text: string; attachment?: string }, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/open-days/{id}/feedback', { params: { path: { id: openDayId }, ...once(idempotencyKey) }, body })),
  rate: (feedbackId: string, rating: number) =>
    unwrap(api.POST('/api/v1/my/feedback/{feedbackId}/rating', { params: { path: { feedbackId } }, body: { rating } })),

  survey: (openDayId: string) => unwrap(api.GET('/api/v1/open-days/{id}/survey', { params: { path: { id: openDayId } } })),
  answerSurvey: (openDayId: string, answers: Array<{ questionId: string; value: number | string | string[] }>, idempotencyKey: string) =>
    unwrap(api.POST('/api/v1/open-days/{id}/survey/responses', { params: { path: { id: openDayId }, ...once(idempotencyKey) }, body: { answers } })),
};
