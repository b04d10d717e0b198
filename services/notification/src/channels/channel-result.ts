/** What a channel said about one attempt: kept in the delivery log as the provider's answer. */
export interface ChannelResult {
  ok: boolean;
  /** The provider's status and body, the SMTP server's reply, or the network error. */
  answer: string;
}

export const MAX_ANSWER_CHARS = 1000;

export function clip(text: string): string {
  return text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS - 1)}…` : text;
}
