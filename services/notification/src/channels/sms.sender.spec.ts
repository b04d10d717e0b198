import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmsSender } from './sms.sender';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A provider on a local port that answers `status` and counts the sockets it was reached over. */
async function provider(status: number, answer: string): Promise<{ url: string; received: Received[]; sockets: () => number; server: Server }> {
  const received: Received[] = [];
  let sockets = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    });
  });
  server.on('connection', () => sockets++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/sms`, received, sockets: () => sockets, server };
}

describe('SmsSender', () => {
  const servers: Server[] = [];
  const senders: SmsSender[] = [];
  const start = async (status: number, answer: string) => {
    const started = await provider(status, answer);
    servers.push(started.server);
    const sender = new SmsSender({ SMS_PROVIDER_URL: started.url });
    senders.push(sender);
    return { ...started, sender };
  };

  afterEach(async () => {
    senders.splice(0).forEach((sender) => sender.onApplicationShutdown());
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('posts each message with its idempotency key, over one kept-alive socket', async () => {
    const { sender, received, sockets } = await start(202, '{"accepted":true}');
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await sender.send({ messageId: `delivery-${i}`, to: '13812345678', text: `text ${i}` }));

    expect(results).toEqual(Array(5).fill({ ok: true, answer: 'SMS provider answered 202 Accepted: {"accepted":true}' }));
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual(['delivery-0', 'delivery-1', 'delivery-2', 'delivery-3', 'delivery-4']);
    expect(JSON.parse(received[4].body)).toEqual({ messageId: 'delivery-4', to: '13812345678', text: 'text 4' });
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(sockets()).toBe(1);
  });

  it('takes a non-2xx answer as a failed attempt, keeping the status and the body with the number masked', async () => {
    const { sender } = await start(500, '{"to":"13812345678","error":"failing on purpose"}');
    await expect(sender.send({ messageId: 'd', to: '13812345678', text: 't' })).resolves.toEqual({
      ok: false,
      answer: 'SMS provider answered 500 Internal Server Error: {"to":"138****5678","error":"failing on purpose"}',
    });
  });

  it('takes an unreachable provider as a failed attempt, naming the network error', async () => {
    const { sender, server } = await start(202, '');
    await new Promise((resolve) => server.close(resolve));
    const result = await sender.send({ messageId: 'd', to: '13812345678', text: 't' });
    expect(result.ok).toBe(false);
    expect(result.answer).toMatch(/^SMS provider unreachable: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('gives up on a provider that does not answer within 10 s', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const silent = createServer(() => undefined);
      servers.push(silent);
      const arrived = new Promise((resolve) => silent.once('request', resolve));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const sender = new SmsSender({ SMS_PROVIDER_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/sms` });
      senders.push(sender);
      let settled = false;
      const result = sender.send({ messageId: 'd', to: '13812345678', text: 't' }).finally(() => (settled = true));
      await arrived;
      jest.advanceTimersByTime(9_999);
      await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
      jest.advanceTimersByTime(1);
      await expect(result).resolves.toEqual({ ok: false, answer: 'SMS provider unreachable: no answer within 10 s' });
    } finally {
      jest.useRealTimers();
    }
  });
});
