import { Body, Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsDateString, IsString, Length, ValidateNested } from 'class-validator';
import { correlationMiddleware } from '../http/correlation.middleware';
import { ProblemException, type HttpProblem } from './problem';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation';

class MemberDto {
  @IsString()
  name: string;

  @Length(18, 18)
  idNumber: string;
}

class GroupApplicationDto {
  @IsDateString()
  visitDate: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => MemberDto)
  members: MemberDto[];
}

@Controller()
class ProbeController {
  @Post('applications')
  apply(@Body() body: GroupApplicationDto) {
    return { members: body.members.length, isDto: body instanceof GroupApplicationDto };
  }

  @Get('full')
  full(): never {
    throw new ProblemException({
      status: 409,
      type: 'https://openday.example/problems/session-full',
      title: 'Session full',
      detail: 'No places left in the 10:00 session.',
    });
  }

  @Get('database-away')
  databaseAway(): never {
    throw Object.assign(new Error('terminating connection due to administrator command (host 10.0.0.7)'), { code: '57P01' });
  }

  @Get('boom')
  boom(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432 (password=hunter2)');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('problem+json over HTTP', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(ProbeModule, { logger: false });
    app.use(correlationMiddleware);
    app.useGlobalFilters(new ProblemFilter());
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  async function expectProblem(response: Response, status: number): Promise<HttpProblem> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as HttpProblem;
    expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), instance: expect.any(String) });
    expect(body.correlationId).toBe(response.headers.get('x-correlation-id'));
    return body;
  }

  it('accepts a valid body and hands the handler a DTO instance', async () => {
    const response = await post('/applications', JSON.stringify({ visitDate: '2026-12-01', members: [{ name: 'A', idNumber: '110101199003077777' }] }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ members: 1, isDto: true });
  });

  it('lists every invalid field by path and rule, nested array items included', async () => {
    const response = await post(
      '/applications?token=secret',
      JSON.stringify({
        visitDate: 'next tuesday',
        members: [
          { name: 'A', idNumber: '110101199003077777' },
          { name: 'B', idNumber: '110101199003077777', nickname: 'b' },
          { name: 7, idNumber: '123' },
        ],
        extra: true,
      }),
      { 'x-correlation-id': 'test-corr-1' },
    );
    const body = await expectProblem(response, 400);
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', instance: '/applications', correlationId: 'test-corr-1' });
    const rules = (body.errors ?? []).map((e) => `${e.field}:${e.rule}`);
    expect(rules.sort()).toEqual(
      [
        'visitDate:isDateString',
        'extra:whitelistValidation',
        'members[1].nickname:whitelistValidation',
        'members[2].name:isString',
        'members[2].idNumber:isLength',
      ].sort(),
    );
    for (const error of body.errors ?? []) expect(error.message).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('next tuesday');
  });

  it('answers a body nested thousands of levels deep with 400, not a stack overflow', async () => {
    const members = `${'['.repeat(5000)}"deep"${']'.repeat(5000)}`;
    const body = await expectProblem(await post('/applications', `{"visitDate":"2026-12-01","members":${members}}`), 400);
    expect(body.errors).toEqual([{ field: 'members[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]', rule: 'maxDepth', message: expect.stringContaining('16 levels') }]);
  });

  it('answers malformed JSON with 400', async () => {
    const body = await expectProblem(await post('/applications', '{"visitDate": '), 400);
    expect(body.detail).toBe('The request body is not valid JSON.');
  });

  it('answers an oversized body with 413', async () => {
    const body = await expectProblem(await post('/applications', JSON.stringify({ padding: 'x'.repeat(200_000) })), 413);
    expect(body.detail).toBe('The request body is too large.');
  });

  it('answers an unknown route with 404', async () => {
    const body = await expectProblem(await fetch(`${baseUrl}/nowhere`), 404);
    expect(body).toMatchObject({ title: 'Not Found', instance: '/nowhere' });
  });

  it('answers a ProblemException with its own type, title and detail', async () => {
    const body = await expectProblem(await fetch(`${baseUrl}/full`), 409);
    expect(body).toEqual({
      type: 'https://openday.example/problems/session-full',
      title: 'Session full',
      status: 409,
      detail: 'No places left in the 10:00 session.',
      instance: '/full',
      correlationId: expect.any(String),
    });
  });

  it('answers 503 while the database cannot be reached (restart, failover), leaking nothing', async () => {
    const response = await fetch(`${baseUrl}/database-away`);
    const text = await response.clone().text();
    const body = await expectProblem(response, 503);
    expect(body).toMatchObject({ title: 'Service Unavailable', detail: 'The service cannot reach its database just now; try again in a moment.' });
    for (const secret of ['administrator', '10.0.0.7', '57P01']) expect(text).not.toContain(secret);
  });

  it('answers an unexpected error with a generic 500 that leaks nothing', async () => {
    const response = await fetch(`${baseUrl}/boom`);
    const text = await response.clone().text();
    const body = await expectProblem(response, 500);
    expect(body.title).toBe('Internal Server Error');
    for (const secret of ['ECONNREFUSED', 'hunter2', '10.0.0.7', 'Error:', 'at ']) expect(text).not.toContain(secret);
  });
});
