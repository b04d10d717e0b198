import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@openday/contracts';
import { Clock, SERVICE_CONFIG } from '@openday/platform';
import type { GatewayConfig } from '../gateway.config';
import { GatewaySecrets } from './secrets';

export const TOKEN_ISSUER = 'openday-gateway';
export const TOKEN_AUDIENCE = 'openday-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AccountKind = 'staff' | 'citizen';

/** What an access token says. Role and agency are informational: the guard reads the account's current ones. */
export interface AccessClaims {
  sub: string;
  kind: AccountKind;
  role: Role;
  agencyId?: string;
  iat: number;
  exp: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

/** Short-lived JWT access tokens (HS256), timed by the injectable clock. */
@Injectable()
export class AccessTokens {
  private readonly jwt: JwtService;

  constructor(
    secrets: GatewaySecrets,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {
    // A key object made once: given the string, jsonwebtoken tries to parse it as a public key on every
    // request (and fails) before making the same secret key again, the gateway's largest cost per call.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(secrets.jwtSecret, 'utf8')) });
  }

  async issue(subject: { id: string; kind: AccountKind; role: Role; agencyId?: string | null }): Promise<IssuedAccessToken> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessClaims = {
      sub: subject.id,
      kind: subject.kind,
      role: subject.role,
      ...(subject.agencyId ? { agencyId: subject.agencyId } : {}),
      iat,
      exp: iat + expiresIn,
    };
    const token = await this.jwt.signAsync(claims, { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    return { token, expiresIn };
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  async verify(token: string): Promise<AccessClaims | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || (claims.kind !== 'staff' && claims.kind !== 'citizen')) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }
}
