import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, Module, Post, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientsModule, MessagePattern, Payload, Transport, type ClientProxy } from '@nestjs/microservices';
import { IsString, Length } from 'class-validator';
import { register } from 'prom-client';
import { firstValueFrom, timeout } from 'rxjs';
import { correlationMiddleware } from '../http/correlation.middleware';
import { RpcMetricsInterceptor } from '../metrics/rpc-metrics.interceptor';
import { ProblemException, type HttpProblem } from './problem';
import { ProblemFilter } from './problem.filter';
import { fromRpcError, toRpcProblem } from './rpc';
import { createValidationPipe } from './validation';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
/** Subjects of this run only, so parallel runs on one NATS server cannot answer each other. */
const prefix = `rpc.test_${randomUUID().replaceAll('-', '')}.registration`;
const SUBMIT = `${prefix}.submit`;
const WITHDRAW = `${prefix}.withdraw`;
const SLOW = `${prefix}.slow`;
const NOBODY = `${prefix}.nobody-listens`;

class SubmitDto {
  @IsString()
  openDayId: string;

  @Length(18, 18)
  idNumber: string;
}

/** The service side, with the platform's global filter, pipe and interceptor. */
@Controller()
class RegistrationHandlers {
  @MessagePattern(SUBMIT)
  submit(@Payload() dto: SubmitDto) {
    if (dto.openDayId === 'full') {
      throw new ProblemException({ status: 409, type: 'https://openday.example/problems/session-full', title: 'Session full', detail: 'No places left.' });
    }
    if (dto.openDayId === 'bug') throw new Error('relation "applications" does not exist');
    return { applicationId: 'a-1', isDto: dto instanceof SubmitDto };
  }

  @MessagePattern(SLOW)
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 'too late';
  }
}

/** A service without the filter: it relies on `toRpcProblem` and Nest's own RpcException handling. */
@Controller()
class BareHandlers {
  @MessagePattern(WITHDRAW)
  withdraw() {
    throw toRpcProblem(new ProblemException({ status: 410, title: 'Already withdrawn', detail: 'Application a-1 was withdrawn.' }));
  }
}

/** The gateway side: HTTP in, NATS request/reply out, problems back as HTTP problems. */
@Controller()
class GatewayController {
  constructor(@Inject('REGISTRATION') private readonly registration: ClientProxy) {}

  @Post('rpc')
  async call(@Body() body: { pattern: string; payload: unknown; timeoutMs?: number }) {
    try {
      return await firstValueFrom(this.registration.send(body.pattern, body.payload).pipe(timeout(body.timeoutMs ?? 2000)));
    } catch (error) {
      throw fromRpcError(error);
    }
  }
}

@Module({ controllers: [RegistrationHandlers] })
class RegistrationModule {}

@Module({ controllers: [BareHandlers] })
class BareModule {}

@Module({
  imports: [ClientsModule.register([{ name: 'REGISTRATION', transport: Transport.NATS, options: { servers: [NATS_URL] } }])],
  controllers: [GatewayController],
})
class GatewayModule {}

describe('problems over NATS request/reply', () => {
  let service: INestMicroservice;
  let bare: INestMicroservice;
  let gateway: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    service = await NestFactory.createMicroservice(RegistrationModule, {
      transport: Transport.NATS,
      options: { servers: [NATS_URL], queue: 'registration' },
      logger: false,
    });
    service.useGlobalFilters(new ProblemFilter());
    service.useGlobalPipes(createValidationPipe());
    service.useGlobalInterceptors(new RpcMetricsInterceptor());
    await service.listen();

    bare = await NestFactory.createMicroservice(BareModule, {
      transport: Transport.NATS,
      options: { servers: [NATS_URL], queue: 'registration-bare' },
      logger: false,
    });
    await bare.listen();

    gateway = await NestFactory.create(GatewayModule, { logger: false });
    gateway.use(correlationMiddleware);
    gateway.useGlobalFilters(new ProblemFilter());
    await gateway.listen(0, '127.0.0.1');
    baseUrl = await gateway.getUrl();
  });

  afterAll(async () => {
    await gateway?.close();
    await service?.close();
    await bare?.close();
  });

  async function call(pattern: string, payload: unknown, timeoutMs?: number) {
    const response = await fetch(`${baseUrl}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pattern, payload, timeoutMs }),
    });
    // Either the handler's answer or a problem; each test knows which.
    const body = (await response.json()) as HttpProblem & Record<string, unknown>;
    return { status: response.status, contentType: response.headers.get('content-type'), body };
  }

  it('answers a valid request', async () => {
    const { status, body } = await call(SUBMIT, { openDayId: 'od-1', idNumber: '110101199003077777' });
    expect(status).toBe(201);
    expect(body).toEqual({ applicationId: 'a-1', isDto: true });
  });

  it('brings a domain problem back to the HTTP caller unchanged', async () => {
    const { status, contentType, body } = await call(SUBMIT, { openDayId: 'full', idNumber: '110101199003077777' });
    expect(status).toBe(409);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(body).toEqual({
      type: 'https://openday.example/problems/session-full',
      title: 'Session full',
      status: 409,
      detail: 'No places left.',
      instance: '/rpc',
      correlationId: expect.any(String),
    });
  });

  it('brings the service’s validation errors back with their fields and rules', async () => {
    const { status, body } = await call(SUBMIT, { openDayId: 'od-1', idNumber: '123', extra: 1 });
    expect(status).toBe(400);
    expect((body.errors ?? []).map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      'extra:whitelistValidation',
      'idNumber:isLength',
    ]);
  });

  it('turns a crash in the service into a generic 500 that leaks nothing', async () => {
    const { status, body } = await call(SUBMIT, { openDayId: 'bug', idNumber: '110101199003077777' });
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('applications');
  });

  it('carries a problem thrown with toRpcProblem through Nest’s own RPC exception handling', async () => {
    const { status, body } = await call(WITHDRAW, {});
    expect(status).toBe(410);
    expect(body).toMatchObject({ title: 'Already withdrawn', detail: 'Application a-1 was withdrawn.', type: 'about:blank' });
  });

  it('answers 503 when no service listens on the subject', async () => {
    const { status, body } = await call(NOBODY, {});
    expect(status).toBe(503);
    expect(body.title).toBe('Service Unavailable');
    expect(JSON.stringify(body)).not.toContain(NOBODY);
  });

  it('answers 504 when the service does not reply in time', async () => {
    const { status, body } = await call(SLOW, {}, 100);
    expect(status).toBe(504);
    expect(body.title).toBe('Gateway Timeout');
  });

  it('times the handlers by pattern and outcome', async () => {
    const text = await register.getSingleMetricAsString('rpc_request_duration_seconds');
    for (const outcome of ['ok', 'rejected', 'error']) {
      expect(text).toMatch(new RegExp(`rpc_request_duration_seconds_count\\{pattern="${SUBMIT.replaceAll('.', '\\.')}",outcome="${outcome}"\\} [1-9]`));
    }
  });
});
