import type { IncomingMessage, ServerResponse } from 'node:http';
import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { currentCorrelation } from '@openday/messaging';
import { problemOf, type HttpProblem } from './problem';

/**
 * Global filter (`app.useGlobalFilters(new ProblemFilter())`, and on the
 * microservice too) for everything thrown: HTTP requests get an
 * `application/problem+json` body, `@MessagePattern` handlers reply with the
 * problem object. 5xx are logged with their stack; the body never carries it.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    const problem = problemOf(exception);
    if (problem.status >= 500) this.logger.error(exception);
    if (host.getType() === 'rpc') return throwError(() => problem);

    const http = host.switchToHttp();
    const req = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const res = http.getResponse<ServerResponse>();
    const body: HttpProblem = {
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      // The path only: a query string may hold personal data.
      instance: (req.originalUrl ?? req.url ?? '').split('?')[0],
      correlationId: currentCorrelation()?.correlationId,
      errors: problem.errors,
    };
    res.statusCode = problem.status;
    res.setHeader('content-type', 'application/problem+json; charset=utf-8');
    res.end(JSON.stringify(body));
  }
}
