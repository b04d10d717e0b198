import type { FeedbackTopic } from '../api/views';

export interface OpinionDraft {
  topic: FeedbackTopic | '';
  text: string;
  attachment: string;
}

export const MAX_OPINION_LENGTH = 2000;
/** The gateway's attachment rule: an http(s) URL (citizens have no file store to point at). */
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/;

/** Problems by field, as message keys under `account.feedback`. */
export function checkOpinion(draft: OpinionDraft): Partial<Record<keyof OpinionDraft, { key: string; count?: number }>> {
  const problems: Partial<Record<keyof OpinionDraft, { key: string; count?: number }>> = {};
  if (!draft.topic) problems.topic = { key: 'topicRequired' };
  const length = [...draft.text.trim()].length;
  if (length === 0) problems.text = { key: 'textRequired' };
  else if (length > MAX_OPINION_LENGTH) problems.text = { key: 'textTooLong', count: length };
  if (draft.attachment.trim() && !HTTP_URL.test(draft.attachment.trim())) problems.attachment = { key: 'attachmentInvalid' };
  return problems;
}
