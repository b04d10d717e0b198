import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@openday/contracts';
import { problem, ProblemException } from '@openday/platform';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { AccessTokens } from './access-tokens';
import { ActorLoader } from './actor-loader';
import type { AccessRequest } from './current-actor';

/**
 * The platform's own operational controllers (probes and the metrics scrape),
 * which live outside /api and are not the API's operations. Nothing else is
 * let through without a declaration.
 */
const OPERATIONAL_CONTROLLER_PATHS = new Set(['health', 'metrics']);

interface HttpResponse {
  setHeader(name: string, value: string): void;
}

/**
 * Global guard: reads the operation's @Access declaration, authenticates the
 * bearer token, loads the caller's current account and sets `request.user`
 * (an Actor). No declaration → refused, so an operation added without a rule
 * fails closed. No or bad token on a protected operation → 401; a role the
 * rule does not name → 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly warned = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const http = context.switchToHttp();
    const request = http.getRequest<AccessRequest>();
    const response = http.getResponse<HttpResponse>();
    if (!rule) {
      const controllerPath = String(Reflect.getMetadata(PATH_METADATA, context.getClass()) ?? '').replace(/^\/+|\/+$/g, '');
      if (OPERATIONAL_CONTROLLER_PATHS.has(controllerPath)) return true;
      this.warnUndeclared(context);
      throw problem('no-access-rule', { detail: 'This operation declares no access rule, so nobody may call it.' });
    }
    const token = bearerToken(request);
    if (rule.public) {
      // A public operation still learns who is calling when a valid token comes along.
      if (token) request.user = await this.authenticate(token);
      return true;
    }
    if (!token) throw unauthenticated(response, 'This operation needs an access token: Authorization: Bearer <token>.');
    const actor = await this.authenticate(token);
    if (!actor) throw unauthenticated(response, 'The access token is invalid, expired, or its account is disabled.', 'invalid_token');
    request.user = actor;
    if (!rule.roles.includes(actor.role)) {
      throw problem('forbidden', { detail: `This operation is for: ${rule.roles.join(', ')}.` });
    }
    return true;
  }

  private async authenticate(token: string): Promise<Actor | undefined> {
    const claims = await this.tokens.verify(token);
    return claims ? this.actors.load(claims) : undefined;
  }

  private warnUndeclared(context: ExecutionContext): void {
    const name = `${context.getClass().name}.${context.getHandler().name}`;
    if (this.warned.has(name)) return;
    this.warned.add(name);
    this.logger.error(`${name} has no @Access declaration; it answers 403 to everyone until it gets one`);
  }
}

function bearerToken(request: AccessRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

function unauthenticated(response: HttpResponse, detail: string, error?: string): ProblemException {
  response.setHeader('WWW-Authenticate', error ? `Bearer error="${error}"` : 'Bearer');
  return problem('unauthenticated', { detail });
}
