import { Controller, Get, Header, Module, type DynamicModule } from '@nestjs/common';
import { register } from 'prom-client';
import { collectProcessMetrics } from './metrics';

@Controller('metrics')
class MetricsController {
  /** Everything in prom-client's default registry (this library's, the messaging library's and the service's own metrics). */
  @Get()
  @Header('Content-Type', register.contentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return register.metrics();
  }
}

/**
 * `GET /metrics` in Prometheus text format. Import `MetricsModule.forRoot(service)`:
 * the bare class serves the endpoint too, but without process metrics or the `service` label.
 */
@Module({ controllers: [MetricsController] })
export class MetricsModule {
  static forRoot(serviceName: string): DynamicModule {
    collectProcessMetrics(serviceName);
    return { module: MetricsModule };
  }
}
