import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, type Role } from '@openday/contracts';

export const ACCESS_RULE = 'openday:access-rule';
export const RATE_LIMIT_CLASS = 'openday:rate-limit-class';

/** The staff roles; everyone but citizens. */
export const STAFF_ROLES = ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who may call an operation: anyone, or a signed-in caller holding one of the roles. */
export type AccessRule = { public: true } | { public: false; roles: readonly Role[] };

/** The `x-access` extension of each operation in the OpenAPI document: the roles, or `['public']`. */
export const ACCESS_EXTENSION = 'x-access';

/** Which throttler limits a route: `public` (anonymous reads and writes) or `sign-in` (stricter). */
export type RateLimitClass = 'public' | 'sign-in';

function declare(rule: AccessRule): MethodDecorator & ClassDecorator {
  const documented = rule.public ? ['public'] : [...rule.roles];
  const decorators = [SetMetadata(ACCESS_RULE, rule), ApiExtension(ACCESS_EXTENSION, documented)];
  if (!rule.public) {
    decorators.push(
      ApiBearerAuth(),
      ApiUnauthorizedResponse({ description: 'No valid access token (problem+json).' }),
      ApiForbiddenResponse({ description: `Only for: ${documented.join(', ')} (problem+json).` }),
    );
  }
  return applyDecorators(...decorators);
}

function roles(...allowed: Role[]): MethodDecorator & ClassDecorator {
  if (allowed.length === 0) throw new Error('@Access() needs at least one role; use @Access.public() for anonymous operations');
  for (const role of allowed) if (!ROLES.includes(role)) throw new Error(`@Access(): unknown role "${role}"`);
  return declare({ public: false, roles: [...new Set(allowed)] });
}

/**
 * Every HTTP operation declares who may call it; the global AccessGuard refuses
 * any operation without a declaration (fails closed).
 *
 *   @Access('city-office', 'agency-admin')   signed-in callers with one of these roles
 *   @Access.signedIn()                        any signed-in caller, citizens included
 *   @Access.staff()                           any signed-in staff role
 *   @Access.public()                          anyone, rate-limited per client address
 *
 * On a controller class it is the default for its methods; a method's own declaration wins.
 */
export const Access = Object.assign(roles, {
  public: (): MethodDecorator & ClassDecorator => declare({ public: true }),
  signedIn: (): MethodDecorator & ClassDecorator => declare({ public: false, roles: [...ROLES] }),
  staff: (): MethodDecorator & ClassDecorator => declare({ public: false, roles: [...STAFF_ROLES] }),
});

/**
 * Puts a route under a named rate limit. Public routes are under `public` without
 * saying so; sign-in endpoints say `@RateLimit('sign-in')`.
 */
export function RateLimit(limitClass: RateLimitClass): MethodDecorator & ClassDecorator {
  return SetMetadata(RATE_LIMIT_CLASS, limitClass);
}
