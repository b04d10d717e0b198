import type { ServerResponse } from 'node:http';
import { Controller, Get, Module, Res, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectPinoLogger, Logger, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { runWithCorrelation } from '@openday/messaging';
import { correlationMiddleware } from '../http/correlation.middleware';
import { ProblemFilter } from '../problem/problem.filter';
import { createLoggerModule } from './logger.module';
import { createPinoLogger } from './pino-options';

type Line = Record<string, unknown> & { msg?: string };

/** A pino destination that keeps every line, parsed. */
function capture(): DestinationStream & { lines: Line[] } {
  const lines: Line[] = [];
  return { lines, write: (chunk: string) => void lines.push(JSON.parse(chunk)) };
}

async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('not logged');
}

class QueryFailedError extends Error {}

const destination = capture();

@Controller()
class ProbeController {
  constructor(@InjectPinoLogger('ProbeController') private readonly logger: PinoLogger) {}

  @Get('applicant')
  applicant() {
    this.logger.info({ applicant: { name: 'Li', phone: '13800138000', members: [{ idNumber: '110101199003077777' }] } }, 'registered');
    return { ok: true };
  }

  @Get('exports/:agencyId')
  export(@Res() res: ServerResponse) {
    res.setHeader('content-disposition', 'attachment; filename="report-110101199003077777.csv"');
    res.setHeader('content-type', 'text/csv');
    res.end('a,b');
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('boom')
  boom(): never {
    throw new Error('database exploded');
  }

  @Get('people/:idNumber')
  person(): never {
    // What TypeORM throws for a failed statement: the parameters, PostgreSQL's detail and a message quoting the value.
    throw Object.assign(new QueryFailedError('invalid input syntax for type uuid: "张小三"'), {
      query: 'SELECT * FROM people WHERE id = $1 AND mobile = $2',
      parameters: ['张小三', '13800138000'],
      code: '22P02',
      detail: 'Key (mobile)=(13800138000) already exists.',
      driverError: { message: 'invalid input syntax', parameters: ['张小三'] },
    });
  }
}

@Module({ imports: [createLoggerModule('registration', 'info', destination)], controllers: [ProbeController] })
class ProbeModule {}

describe('logging', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(ProbeModule, { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.use(correlationMiddleware);
    app.useGlobalFilters(new ProblemFilter());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  it('echoes the correlation id and puts it on every log line of the request', async () => {
    const response = await fetch(`${baseUrl}/applicant`, {
      headers: { 'x-correlation-id': 'corr-abc-123', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('corr-abc-123');

    const handlerLine = await eventually(() => destination.lines.find((l) => l.msg === 'registered' && l.correlationId === 'corr-abc-123'));
    expect(handlerLine).toMatchObject({ service: 'registration', level: 'info', traceparent: expect.stringMatching(/^00-0af7651916cd43dd8448eb211c80319c-/) });
    const requestLine = await eventually(() =>
      destination.lines.find((l) => l.msg === 'request completed' && (l.req as { url?: string })?.url === '/applicant'),
    );
    expect(requestLine).toMatchObject({ correlationId: 'corr-abc-123', reqId: 'corr-abc-123', service: 'registration' });
  });

  it('makes up a correlation id when the caller sends none', async () => {
    const response = await fetch(`${baseUrl}/applicant`);
    const id = response.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(() => destination.lines.find((l) => l.msg === 'registered' && l.correlationId === id));
  });

  it('redacts personal data and credentials wherever they are nested', async () => {
    await fetch(`${baseUrl}/applicant`, { headers: { 'x-correlation-id': 'corr-redact', authorization: 'Bearer abc', cookie: 'sid=1' } });
    const handlerLine = await eventually(() => destination.lines.find((l) => l.msg === 'registered' && l.correlationId === 'corr-redact'));
    expect(handlerLine.applicant).toEqual({ name: '[redacted]', phone: '[redacted]', members: [{ idNumber: '[redacted]' }] });
    const requestLine = await eventually(() => destination.lines.find((l) => l.msg === 'request completed' && l.correlationId === 'corr-redact'));
    expect((requestLine.req as { headers: Record<string, string> }).headers).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(JSON.stringify(destination.lines)).not.toMatch(/13800138000|110101199003077777|Bearer abc/);
  });

  it('logs an unexpected error with its stack and correlation id', async () => {
    const response = await fetch(`${baseUrl}/boom`, { headers: { 'x-correlation-id': 'corr-boom' } });
    expect(response.status).toBe(500);
    const line = await eventually(() => destination.lines.find((l) => l.level === 'error' && l.correlationId === 'corr-boom' && l.err));
    expect((line.err as { stack: string }).stack).toContain('database exploded');
  });

  it('logs a failed query without its values, and a request without its query string or path values', async () => {
    const response = await fetch(`${baseUrl}/people/110101199003077777?q=${encodeURIComponent('张小三')}&mobile=13800138000`, {
      headers: { 'x-correlation-id': 'corr-query' },
    });
    expect(response.status).toBe(500);
    const errorLine = await eventually(() => destination.lines.find((l) => l.correlationId === 'corr-query' && l.err && l.msg !== 'request errored'));
    expect(errorLine.err).toMatchObject({ type: 'QueryFailedError', code: '22P02', query: 'SELECT * FROM people WHERE id = $1 AND mobile = $2' });
    const requestLine = await eventually(() => destination.lines.find((l) => l.correlationId === 'corr-query' && l.req));
    expect((requestLine.req as { url: string }).url).toBe('/people/:value');
    const logged = JSON.stringify(destination.lines.filter((l) => l.correlationId === 'corr-query'));
    expect(logged).not.toMatch(/张小三|13800138000|110101199003077777/);
  });

  it('logs a response with its status and plain headers only, never a download file name', async () => {
    await fetch(`${baseUrl}/exports/gulou`, { headers: { 'x-correlation-id': 'corr-export' } });
    const line = await eventually(() => destination.lines.find((l) => l.msg === 'request completed' && l.correlationId === 'corr-export'));
    expect(line.res).toEqual({ statusCode: 200, headers: { 'content-type': 'text/csv', 'x-correlation-id': 'corr-export' } });
  });

  it('keeps probes out of the request log', async () => {
    await fetch(`${baseUrl}/health/live`, { headers: { 'x-correlation-id': 'corr-probe' } });
    await fetch(`${baseUrl}/applicant`, { headers: { 'x-correlation-id': 'corr-after-probe' } });
    await eventually(() => destination.lines.find((l) => l.msg === 'request completed' && l.correlationId === 'corr-after-probe'));
    expect(destination.lines.filter((l) => l.correlationId === 'corr-probe')).toEqual([]);
  });
});

describe('createPinoLogger', () => {
  it('adds the current correlation and redacts outside Nest too', () => {
    const out = capture();
    const logger = createPinoLogger('vetting', 'debug', out);
    runWithCorrelation({ correlationId: 'c-1', traceparent: '00-11111111111111111111111111111111-2222222222222222-01' }, () =>
      logger.debug({ event: { data: { email: 'a@b.cn', mobile: '139' } } }, 'handled'),
    );
    logger.info('outside');
    expect(out.lines[0]).toMatchObject({
      service: 'vetting',
      level: 'debug',
      correlationId: 'c-1',
      event: { data: { email: '[redacted]', mobile: '[redacted]' } },
    });
    expect(out.lines[1]).not.toHaveProperty('correlationId');
  });
});
