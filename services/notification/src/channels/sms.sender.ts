import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@openday/platform';
import type { NotificationConfig } from '../notification.config';
import { providerAnswer, type ChannelResult } from './channel-result';

const TIMEOUT_MS = 10_000;

/**
 * SMS through the provider's HTTP endpoint: POST {messageId, to, text} with
 * `Idempotency-Key: <delivery id>`, the same on every attempt, so the provider (and the
 * local capture endpoint) recognises a resend after a crash. Any non-2xx answer or
 * network error is a failed attempt.
 */
@Injectable()
export class SmsSender {
  private readonly url: string;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationConfig) {
    this.url = config.SMS_PROVIDER_URL;
  }

  async send(message: { messageId: string; to: string; text: string }): Promise<ChannelResult> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.messageId },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await response.text();
      const answer = providerAnswer(`SMS provider answered ${response.status} ${response.statusText}${body ? `: ${body}` : ''}`);
      return { ok: response.ok, answer };
    } catch (error) {
      return { ok: false, answer: providerAnswer(`SMS provider unreachable: ${describe(error)}`) };
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
