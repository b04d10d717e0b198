import { createHmac } from 'node:crypto';
import type { GatewayConfig } from '../gateway.config';

/** Development defaults: fine on a laptop and in tests, refused by config validation in production. */
const DEV_JWT_SECRET = 'openday-development-jwt-secret-never-use-in-production';
const DEV_MOBILE_HASH_KEY = 'openday-development-mobile-hash-key-never-use-in-production';

/**
 * The gateway's secrets, resolved once at start-up. Keyed hashes use separate
 * sub-keys derived from MOBILE_HASH_KEY, so a mobile's look-up key and a code's
 * hash can never be confused with each other.
 */
export class GatewaySecrets {
  readonly jwtSecret: string;
  readonly mobileLookupKey: Buffer;
  readonly signInCodeKey: Buffer;
  /** Variables that fell back to their development default; the module warns about each. */
  readonly defaulted: string[] = [];

  constructor(config: Pick<GatewayConfig, 'JWT_SECRET' | 'MOBILE_HASH_KEY'>) {
    this.jwtSecret = config.JWT_SECRET ?? DEV_JWT_SECRET;
    if (!config.JWT_SECRET) this.defaulted.push('JWT_SECRET');
    const hashKey = config.MOBILE_HASH_KEY ?? DEV_MOBILE_HASH_KEY;
    if (!config.MOBILE_HASH_KEY) this.defaulted.push('MOBILE_HASH_KEY');
    this.mobileLookupKey = createHmac('sha256', hashKey).update('openday/mobile-lookup/v1').digest();
    this.signInCodeKey = createHmac('sha256', hashKey).update('openday/sign-in-code/v1').digest();
  }
}
