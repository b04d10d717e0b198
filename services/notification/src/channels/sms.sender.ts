import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@openday/platform';
import type { NotificationConfig } from '../notification.config';
import { providerAnswer, type ChannelResult } from './channel-result';

const TIMEOUT_MS = 10_000;

interface ProviderReply {
  status: number;
  statusText: string;
  body: string;
}

/**
 * SMS through the provider's HTTP endpoint: POST {messageId, to, text} with
 * `Idempotency-Key: <delivery id>`, the same on every attempt, so the provider (and the
 * local capture endpoint) recognises a resend after a crash. Any non-2xx answer, network
 * error or no whole answer within TIMEOUT_MS is a failed attempt.
 *
 * Over node:http with one keep-alive agent for the process rather than `fetch`, whose
 * streams and per-request objects cost more CPU than the rest of a send.
 */
@Injectable()
export class SmsSender implements OnApplicationShutdown {
  private readonly url: URL;
  private readonly agent: HttpAgent;
  private readonly request: typeof httpRequest;

  constructor(@Inject(SERVICE_CONFIG) config: Pick<NotificationConfig, 'SMS_PROVIDER_URL'>) {
    this.url = new URL(config.SMS_PROVIDER_URL);
    const secure = this.url.protocol === 'https:';
    this.agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    this.request = secure ? httpsRequest : httpRequest;
  }

  async send(message: { messageId: string; to: string; text: string }): Promise<ChannelResult> {
    try {
      const { status, statusText, body } = await this.post(JSON.stringify(message), message.messageId);
      const answer = providerAnswer(`SMS provider answered ${status} ${statusText}${body ? `: ${body}` : ''}`);
      return { ok: status >= 200 && status < 300, answer };
    } catch (error) {
      return { ok: false, answer: providerAnswer(`SMS provider unreachable: ${describe(error)}`) };
    }
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  private post(body: string, idempotencyKey: string): Promise<ProviderReply> {
    return new Promise<ProviderReply>((resolve, reject) => {
      const request = this.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': idempotencyKey },
        },
        (response) => readReply(response).then(resolve, reject),
      );
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      request.on('close', () => clearTimeout(timer));
      request.on('error', reject);
      request.end(body);
    });
  }
}

function readReply(response: IncomingMessage): Promise<ProviderReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () =>
      resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }),
    );
    response.on('error', reject);
    response.on('close', () => {
      if (!response.complete) reject(new Error('connection closed before the answer ended'));
    });
  });
}

/** The error's message (node's socket errors are not `instanceof Error` in every realm, e.g. under jest). */
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
