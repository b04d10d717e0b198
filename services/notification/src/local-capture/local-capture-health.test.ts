import { SmsCaptureServer, SmtpCapture } from '@openday/testing';

interface Probe {
  status: number;
  body: { status: string; details: Record<string, { status: string }> };
}

async function get(url: string): Promise<Probe> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Probe['body'] };
}

describe('local SMS and e-mail capture health', () => {
  it('is live and ready while the SMS endpoint and the mail server listen, and not ready once the mail server is gone', async () => {
    const mail = await new SmtpCapture().start();
    const sms = await new SmsCaptureServer({ port: 0, mailbox: mail }).start();
    const base = sms.url.replace(/\/sms$/, '');
    try {
      expect(await get(`${base}/health/live`)).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await get(`${base}/health/ready`)).toEqual({
        status: 200,
        body: { status: 'ok', details: { sms: { status: 'up' }, smtp: { status: 'up' } } },
      });

      await mail.stop();
      expect(await get(`${base}/health/ready`)).toMatchObject({ status: 503, body: { status: 'error', details: { smtp: { status: 'down' } } } });
      expect((await get(`${base}/health/live`)).status).toBe(200);
    } finally {
      await sms.stop();
    }
  });
});
