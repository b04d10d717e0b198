import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the SMTP server received and mailparser read it. */
export interface CapturedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/** A real SMTP server (smtp-server) on loopback that keeps every message it accepts, for tests. */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
          this.mails.push({ messageId: parsed.messageId ?? '', to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Distinct messages (by Message-ID) to one address. */
  distinctTo(address: string): CapturedMail[] {
    const byId = new Map(this.mails.filter((mail) => mail.to === address).map((mail) => [mail.messageId, mail]));
    return [...byId.values()];
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
