import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HttpMetricsInterceptor } from './http-metrics.interceptor';
import { MetricsModule } from './metrics.module';

@Controller('open-days')
class OpenDaysController {
  @Get(':id')
  get(@Param('id') id: string) {
    return { id };
  }
}

@Module({ imports: [MetricsModule.forRoot('scheduling')], controllers: [OpenDaysController] })
class ProbeModule {}

describe('metrics', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(ProbeModule, { logger: false });
    app.useGlobalInterceptors(new HttpMetricsInterceptor());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  it('serves Prometheus text with the HTTP histogram labelled by route pattern', async () => {
    await fetch(`${baseUrl}/open-days/42`);
    await fetch(`${baseUrl}/open-days/43`);

    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('http_request_duration_seconds_count{service="scheduling",method="GET",route="/open-days/:id",status="200"} 2');
    expect(text).not.toContain('/open-days/42');
    // Process metrics, collected once per process, carry the service label too.
    expect(text).toMatch(/process_cpu_user_seconds_total\{service="scheduling"\} /);
  });

  it('does not register the process metrics twice', () => {
    expect(() => MetricsModule.forRoot('scheduling')).not.toThrow();
  });
});
