import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@openday/contracts';
import { problem } from '@openday/platform';

/** The request as the AccessGuard leaves it: `user` is the signed-in caller, absent on anonymous public calls. */
export interface AccessRequest {
  user?: Actor;
  headers: Record<string, string | string[] | undefined>;
}

/** The signed-in caller; on an operation that is not public the guard guarantees one. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AccessRequest>().user;
  if (!actor) throw problem('sign-in-required', { detail: 'Sign in first.' });
  return actor;
});

/** The caller if signed in, on public operations that answer differently for signed-in callers. */
export const OptionalActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined => context.switchToHttp().getRequest<AccessRequest>().user,
);
