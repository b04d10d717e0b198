import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { httpRequestDuration } from './metrics';

/**
 * Times every request that reaches a route handler. Register globally
 * (`app.useGlobalInterceptors(new HttpMetricsInterceptor())`). The sample is
 * taken when the response is finished, so the status is the one exception
 * filters chose. Requests no route matched (404s, unparsable bodies) never
 * reach an interceptor and are not timed.
 */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    // Express sets `req.route` to the matched route, whose `path` is the pattern.
    const req = http.getRequest<IncomingMessage & { route?: { path?: string } }>();
    const res = http.getResponse<ServerResponse>();
    const stop = httpRequestDuration.startTimer({ method: req.method, route: req.route?.path ?? 'unknown' });
    res.once('finish', () => stop({ status: String(res.statusCode) }));
    return next.handle();
  }
}
