import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { SERVICE_CONFIG } from '@openday/platform';
import type { NotificationConfig } from '../notification.config';
import { providerAnswer, type ChannelResult } from './channel-result';

/** The Message-ID of a delivery's e-mail: the same on every attempt, so a resend after a crash is recognisably the same message. */
export function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@notification.openday>`;
}

/** E-mail over SMTP with nodemailer (pooled connections). */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationConfig) {
    this.from = config.SMTP_FROM;
    this.transport = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
      pool: true,
      maxConnections: 4,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: { deliveryId: string; to: string; subject: string; text: string }): Promise<ChannelResult> {
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: messageIdOf(message.deliveryId),
      })) as { response?: string };
      return { ok: true, answer: providerAnswer(`SMTP server answered: ${info.response ?? 'accepted'}`) };
    } catch (error) {
      return { ok: false, answer: providerAnswer(`SMTP delivery failed: ${error instanceof Error ? error.message : String(error)}`) };
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
