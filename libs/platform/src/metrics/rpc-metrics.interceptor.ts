import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { tap, type Observable } from 'rxjs';
import { problemOf } from '../problem/problem';
import { rpcRequestDuration } from './metrics';

/**
 * Times `@MessagePattern` handlers (register globally on the microservice, or
 * on a hybrid app connected with `inheritAppConfig: true`). The pattern label
 * is the handler's declared pattern, not the concrete subject.
 */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const stop = rpcRequestDuration.startTimer({ pattern: patternOf(context) });
    return next.handle().pipe(
      tap({
        complete: () => stop({ outcome: 'ok' }),
        error: (error: unknown) => stop({ outcome: problemOf(error).status < 500 ? 'rejected' : 'error' }),
      }),
    );
  }
}

function patternOf(context: ExecutionContext): string {
  const patterns: unknown = Reflect.getMetadata(PATTERN_METADATA, context.getHandler());
  const pattern = Array.isArray(patterns) ? patterns[0] : patterns;
  return typeof pattern === 'string' ? pattern : JSON.stringify(pattern ?? 'unknown');
}
