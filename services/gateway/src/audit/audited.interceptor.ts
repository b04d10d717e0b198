import {
  Injectable,
  Logger,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import type { Actor } from '@openday/contracts';
import { AuditService } from './audit.service';

export const AUDITED = 'openday:audited';

export interface AuditedOptions {
  targetType: string;
  /** Where the target id is: a route parameter (`param:id`) or a field of the result (`result:id`). */
  targetId: `param:${string}` | `result:${string}`;
  /** A route parameter or result field naming the target's agency, if any. */
  agencyId?: `param:${string}` | `result:${string}` | `body:${string}`;
}

interface AuditedRequest {
  user?: Actor;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}

/**
 * Records a privileged action performed through the gateway once it succeeded:
 *
 *   @Post(':id/approve')
 *   @Access('city-office')
 *   @Audited('plan.approved', { targetType: 'plan', targetId: 'param:id' })
 *
 * For the gateway's own changes, record in the change's transaction with
 * AuditService.record() instead.
 */
export function Audited(action: string, options: AuditedOptions): MethodDecorator {
  return applyDecorators(SetMetadata(AUDITED, { action, ...options }), UseInterceptors(AuditedInterceptor));
}

@Injectable()
export class AuditedInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditedInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<(AuditedOptions & { action: string }) | undefined>(AUDITED, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          this.audit
            .record(undefined, request.user, {
              action: spec.action,
              targetType: spec.targetType,
              targetId: String(pick(spec.targetId, request, result) ?? 'unknown'),
              agencyId: spec.agencyId ? ((pick(spec.agencyId, request, result) as string | undefined) ?? null) : null,
            })
            .then(
              () => result,
              (err: unknown) => {
                // The action itself has happened; losing its audit entry is an error to alert on, not to hide from the caller's result.
                this.logger.error({ err, action: spec.action }, 'could not record the audit entry');
                return result;
              },
            ),
        ),
      ),
    );
  }
}

function pick(source: string, request: AuditedRequest, result: unknown): unknown {
  const [where, key] = source.split(':', 2);
  if (where === 'param') return request.params?.[key];
  if (where === 'body') return request.body?.[key];
  return (result as Record<string, unknown> | undefined)?.[key];
}
