import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { CORRELATION_HEADER, TRACEPARENT_HEADER, correlationFrom, runWithCorrelation } from '@openday/messaging';

/** Continues the caller's correlation inside a `@MessagePattern` handler, so its logs and events carry it. */
@Injectable()
export class RpcCorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders?.();
    const correlation = correlationFrom({
      correlationId: headers?.get(CORRELATION_HEADER),
      traceparent: headers?.get(TRACEPARENT_HEADER),
    });
    return new Observable((subscriber) =>
      runWithCorrelation(correlation, () => next.handle().subscribe(subscriber)),
    );
  }
}
