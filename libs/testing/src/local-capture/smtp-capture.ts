import { appendFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the SMTP server received and mailparser read it. */
export interface CapturedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  receivedAt: string;
}

/**
 * A real SMTP server (smtp-server) on loopback that keeps every message it accepts: the
 * mail catcher of the local capture endpoint and of the tests. With `dir`, each message is
 * also appended to mails.jsonl there.
 */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];

  constructor(private readonly options: { port?: number; host?: string; dir?: string } = {}) {}

  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
          this.keep({ messageId: parsed.messageId ?? '', to, subject: parsed.subject ?? '', text: parsed.text ?? '', receivedAt: new Date().toISOString() });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  get listening(): boolean {
    return this.server.server.listening;
  }

  /** Distinct messages (by Message-ID) to one address. */
  distinctTo(address: string): CapturedMail[] {
    const byId = new Map(this.mails.filter((mail) => mail.to === address).map((mail) => [mail.messageId, mail]));
    return [...byId.values()];
  }

  /** Messages to one address (or all), oldest first, resends included. */
  messages(to?: string): CapturedMail[] {
    return this.mails.filter((mail) => to === undefined || mail.to === to);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve);
    });
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private keep(mail: CapturedMail): void {
    this.mails.push(mail);
    if (this.options.dir) appendFileSync(path.join(this.options.dir, 'mails.jsonl'), `${JSON.stringify(mail)}\n`);
  }
}
