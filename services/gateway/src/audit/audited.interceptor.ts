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
import { PERSONAL_DATA_READ, personIdsIn, type PersonalDataList } from './personal-data-reads';

export const AUDITED = 'openday:audited';

export interface AuditedOptions {
  targetType: string;
  /** Where the target id is: a route parameter (`param:id`), a field of the result (`result:id`) or of the caller (`actor:agencyId`). */
  targetId: `param:${string}` | `result:${string}` | `actor:${string}`;
  /** A route parameter or result field naming the target's agency, if any. */
  agencyId?: `param:${string}` | `result:${string}` | `body:${string}`;
  /** A staff read of personal data: the list read; the people are the `personId`s in the answer. */
  read?: PersonalDataList;
  /** Where the people are when the answer does not name them `personId`. */
  readPeople?: (result: unknown) => string[];
}

interface AuditedRequest {
  user?: Actor;
  params?: Record<string, string | undefined>;
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

/**
 * Records a staff read of personal data (applicant lists, rosters, ...) once it answered:
 * who read, which list of which open day, and the people in the answer, so the city office
 * can review reads and each citizen can see which agency read their data and when.
 *
 *   @Get('open-days/:id/applicants')
 *   @AuditedRead('applicants', { targetType: 'open-day', targetId: 'param:id' })
 */
export function AuditedRead(list: PersonalDataList, options: Omit<AuditedOptions, 'read'>): MethodDecorator {
  return Audited(PERSONAL_DATA_READ, { ...options, read: list });
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
          this.recordFor(spec, request, result)
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

  private recordFor(spec: AuditedOptions & { action: string }, request: AuditedRequest, result: unknown): Promise<void> {
    const target = {
      targetType: spec.targetType,
      targetId: String(pick(spec.targetId, request, result) ?? 'unknown'),
      agencyId: spec.agencyId ? ((pick(spec.agencyId, request, result) as string | undefined) ?? null) : null,
    };
    if (spec.read) {
      return this.audit.recordPersonalDataRead(request.user, {
        ...target,
        list: spec.read,
        openDayId: request.params?.id,
        sessionId: request.params?.sessionId,
        personIds: spec.readPeople ? spec.readPeople(result) : personIdsIn(result),
      });
    }
    return this.audit.record(undefined, request.user, { action: spec.action, ...target });
  }
}

function pick(source: string, request: AuditedRequest, result: unknown): unknown {
  const [where, key] = source.split(':', 2);
  if (where === 'param') return request.params?.[key];
  if (where === 'body') return request.body?.[key];
  if (where === 'actor') return (request.user as unknown as Record<string, unknown> | undefined)?.[key];
  return (result as Record<string, unknown> | undefined)?.[key];
}
