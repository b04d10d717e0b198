import { appendFile, mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** One SMS as the provider received it. */
export interface CapturedSms {
  messageId: string;
  idempotencyKey: string;
  to: string;
  text: string;
  receivedAt: string;
}

export interface SmsCaptureOptions {
  port: number;
  host?: string;
  /** Where sms.jsonl is appended; none = memory only. */
  dir?: string;
  /** Answer every POST with 500, to try the failure path. */
  fail?: boolean;
  /** A mail catcher whose messages GET /mail lists beside the SMS (and whose listening readiness includes). */
  mailbox?: { messages(to?: string): unknown[]; readonly listening?: boolean };
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Stands in for the SMS provider, locally and in tests: accepts POST /sms {messageId, to, text}
 * with an Idempotency-Key header, keeps each key once (a resend after a crash is answered
 * 200 with `duplicate: true` and not stored again), and lists them: GET /sms?to=&limit=.
 * Answers GET /health/live and /health/ready as the services do, so `npm start` (and a
 * container platform) can wait for it and tell when it is gone.
 */
export class SmsCaptureServer {
  private server?: Server;
  private readonly byKey = new Map<string, CapturedSms>();
  /** Every accepted POST, resends included: how often the provider was asked. */
  posts = 0;
  fail: boolean;

  constructor(private readonly options: SmsCaptureOptions) {
    this.fail = options.fail ?? false;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    return `http://127.0.0.1:${address?.port ?? this.options.port}/sms`;
  }

  /** Distinct messages, oldest first, optionally to one number. */
  messages(to?: string): CapturedSms[] {
    return [...this.byKey.values()].filter((sms) => to === undefined || sms.to === to);
  }

  async start(): Promise<this> {
    if (this.options.dir) await mkdir(this.options.dir, { recursive: true });
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host ?? '127.0.0.1', resolve);
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health/live' && req.method === 'GET') return answer(res, 200, { status: 'ok', details: {} });
      if (url.pathname === '/health/ready' && req.method === 'GET') return this.readiness(res);
      if (url.pathname === '/mail' && req.method === 'GET' && this.options.mailbox) return this.listMail(url, res);
      if (url.pathname !== '/sms') return answer(res, 404, { error: 'not found' });
      if (req.method === 'GET') return this.list(url, res);
      if (req.method === 'POST') return await this.receive(req, res);
      return answer(res, 405, { error: 'method not allowed' });
    } catch (error) {
      return answer(res, 400, { error: error instanceof Error ? error.message : 'bad request' });
    }
  }

  /** Ready when both the SMS endpoint and the mail server take messages; the body has the shape of the services' probes. */
  private readiness(res: ServerResponse): void {
    const mailUp = this.options.mailbox?.listening ?? true;
    const details = { sms: { status: 'up' }, ...(this.options.mailbox ? { smtp: { status: mailUp ? 'up' : 'down' } } : {}) };
    answer(res, mailUp ? 200 : 503, { status: mailUp ? 'ok' : 'error', details }, { 'cache-control': 'no-store' });
  }

  private list(url: URL, res: ServerResponse): void {
    const to = url.searchParams.get('to') ?? undefined;
    answer(res, 200, { items: this.messages(to).slice(-limitOf(url)).reverse() });
  }

  private listMail(url: URL, res: ServerResponse): void {
    const to = url.searchParams.get('to') ?? undefined;
    answer(res, 200, { items: this.options.mailbox!.messages(to).slice(-limitOf(url)).reverse() });
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    if (this.fail) return answer(res, 500, { error: 'SMS_CAPTURE_FAIL is set: failing on purpose' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key) return answer(res, 400, { error: 'Idempotency-Key header is required' });
    if (typeof body.to !== 'string' || typeof body.text !== 'string' || typeof body.messageId !== 'string') {
      return answer(res, 400, { error: 'body must be {messageId, to, text}' });
    }
    this.posts += 1;
    if (this.byKey.has(key)) return answer(res, 200, { accepted: true, duplicate: true });
    const sms: CapturedSms = { messageId: body.messageId, idempotencyKey: key, to: body.to, text: body.text, receivedAt: new Date().toISOString() };
    this.byKey.set(key, sms);
    if (this.options.dir) await appendFile(path.join(this.options.dir, 'sms.jsonl'), `${JSON.stringify(sms)}\n`);
    answer(res, 200, { accepted: true, duplicate: false });
  }
}

function limitOf(url: URL): number {
  return Math.min(Math.max(Number(url.searchParams.get('limit') ?? 50) || 50, 1), 1000);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('body must be a JSON object');
  return value as Record<string, unknown>;
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
