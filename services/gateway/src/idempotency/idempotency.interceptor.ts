import {
  Injectable,
  Logger,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import type { Actor } from '@openday/contracts';
import { problem } from '@openday/platform';
import { IDEMPOTENCY_KEY_PATTERN, requestFingerprint } from './idempotency-rules';
import { IdempotencyService, type Claim } from './idempotency.service';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** How long a concurrent duplicate waits for the first request's result before answering 409. */
const WAIT_LIMIT_MS = 15_000;
const WAIT_STEP_MS = 100;

interface IdempotentRequest {
  method: string;
  originalUrl?: string;
  url: string;
  body?: unknown;
  user?: Actor;
  headers: Record<string, string | string[] | undefined>;
}

interface IdempotentResponse {
  statusCode: number;
  status(code: number): unknown;
  setHeader(name: string, value: string): void;
  getHeader(name: string): unknown;
}

/**
 * For POSTs that create something: with an `Idempotency-Key` header, a retried
 * request (same caller, key, path and body) within 24 h gets the first result,
 * status and body, without running again; the same key with a different request
 * is refused with 422; concurrent duplicates run once. Without the header the
 * request runs as usual. Only successful results are kept: after a failure the
 * key is free and a retry runs again.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A unique key per intended creation (e.g. a UUID). Retrying with the same key and body returns the first result; kept 24 h.',
    }),
    UseInterceptors(IdempotencyInterceptor),
  );
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly keys: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const response = http.getResponse<IdempotentResponse>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined) return next.handle();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      return throwError(
        () =>
          problem('invalid-input', {
            detail: 'The Idempotency-Key header is malformed.',
            errors: [{ field: 'Idempotency-Key', rule: 'idempotencyKey', message: 'Idempotency-Key must be 1–255 visible ASCII characters' }],
          }),
      );
    }
    const scope = request.user?.userId ?? 'anonymous';
    const fingerprint = requestFingerprint(request.method, request.originalUrl ?? request.url, request.body);
    return from(this.claimOrWait(scope, key, fingerprint)).pipe(
      mergeMap((claim) => {
        if (claim.outcome === 'replay') {
          response.status(claim.response.status);
          if (claim.response.location) response.setHeader('Location', claim.response.location);
          response.setHeader('Idempotent-Replayed', 'true');
          return of(claim.response.body);
        }
        if (claim.outcome === 'mismatch') {
          return throwError(
            () =>
              problem('idempotency-key-reused', {
                detail: 'This Idempotency-Key was used for a different request; use a new key for a new request.',
                errors: [{ field: 'Idempotency-Key', rule: 'idempotencyKeyReused', message: 'Idempotency-Key belongs to a different request' }],
              }),
          );
        }
        if (claim.outcome === 'wait') {
          response.setHeader('Retry-After', '1');
          return throwError(
            () =>
              problem('idempotency-key-in-progress', {
                detail: 'A request with this Idempotency-Key is still being processed; retry shortly.',
              }),
          );
        }
        return next.handle().pipe(
          mergeMap((body) =>
            from(
              this.keys
                .complete(scope, key, { status: response.statusCode, body: body ?? null, location: locationOf(response) })
                .then(
                  () => body,
                  (err: unknown) => {
                    this.logger.error({ err }, 'could not store the result of an idempotent request');
                    return body;
                  },
                ),
            ),
          ),
          catchError((err: unknown) =>
            from(this.keys.release(scope, key).catch(() => undefined)).pipe(mergeMap(() => throwError(() => err))),
          ),
        );
      }),
    );
  }

  /** A concurrent duplicate waits for the first request to finish, then replays its result. */
  private async claimOrWait(scope: string, key: string, fingerprint: string): Promise<Claim> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (;;) {
      const claim = await this.keys.claim(scope, key, fingerprint);
      if (claim.outcome !== 'wait' || Date.now() >= deadline) return claim;
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
}

function locationOf(response: IdempotentResponse): string | null {
  const location = response.getHeader('location');
  return typeof location === 'string' ? location : null;
}
