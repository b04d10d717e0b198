import { maskEmail, maskMobile } from '@openday/domain';

/** What a channel said about one attempt: kept in the delivery log as the provider's answer. */
export interface ChannelResult {
  ok: boolean;
  /** The provider's status and body, the SMTP server's reply, or the network error. */
  answer: string;
}

export const MAX_ANSWER_CHARS = 1000;

const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const MOBILE_NUMBER = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g;

/**
 * A provider's answer as the delivery log and the public notification-failed event keep it:
 * providers echo the recipient ("550 <zhang@example.cn>: Recipient address rejected"), so any
 * e-mail address or mobile number in it is masked; at most MAX_ANSWER_CHARS characters.
 */
export function providerAnswer(text: string): string {
  const masked = text.replace(EMAIL_ADDRESS, (address) => maskEmail(address)).replace(MOBILE_NUMBER, (mobile) => maskMobile(mobile));
  return masked.length > MAX_ANSWER_CHARS ? `${masked.slice(0, MAX_ANSWER_CHARS - 1)}…` : masked;
}
