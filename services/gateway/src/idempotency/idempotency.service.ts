import { Inject, Injectable } from '@nestjs/common';
import { Clock, type FieldCipher, PERSONAL_DATA, type PersonalDataProtection } from '@openday/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_KEY_TTL_MS, decideIdempotency, type IdempotencyDecision, type StoredKey } from './idempotency-rules';

export interface StoredResponse {
  status: number;
  body: unknown;
  location: string | null;
}

export type Claim =
  | { outcome: 'execute' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'mismatch' }
  | { outcome: 'wait' };

interface KeyRow {
  request_hash: string;
  state: 'in-progress' | 'completed';
  updated_at: Date;
  expires_at: Date;
  response_status: number | null;
  response_body: unknown;
  response_location: string | null;
}

const RESPONSE_CONTEXT = 'idempotencyResponse';

/**
 * Idempotency keys in the gateway database. The primary key (scope, key)
 * lets exactly one of several concurrent requests claim a key, on any replica;
 * the others wait for its stored result.
 */
@Injectable()
export class IdempotencyService {
  private readonly cipher: FieldCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PERSONAL_DATA) protection: PersonalDataProtection,
  ) {
    this.cipher = protection.cipher;
  }

  async claim(scope: string, key: string, requestHash: string): Promise<Claim> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at, updated_at, expires_at)
       VALUES ($1, $2, $3, 'in-progress', $4, $4, $5)
       ON CONFLICT (scope, key) DO NOTHING
       RETURNING key`,
      [scope, key, requestHash, now, expiresAt],
    );
    if (inserted.length === 1) return { outcome: 'execute' };
    const row = await this.read(scope, key);
    const decision: IdempotencyDecision = decideIdempotency(row && toStored(row), requestHash, now);
    switch (decision) {
      case 'execute':
        // The row vanished between our insert and our read (its request failed): try again.
        return this.claim(scope, key, requestHash);
      case 'take-over':
        return (await this.takeOver(scope, key, requestHash, row!, now, expiresAt)) ? { outcome: 'execute' } : this.claim(scope, key, requestHash);
      case 'replay':
        return { outcome: 'replay', response: { status: row!.response_status!, body: this.open(row!.response_body), location: row!.response_location } };
      case 'mismatch':
        return { outcome: 'mismatch' };
      case 'wait':
        return { outcome: 'wait' };
    }
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET state = 'completed', response_status = $3, response_body = $4, response_location = $5, updated_at = $6
        WHERE scope = $1 AND key = $2`,
      [scope, key, response.status, JSON.stringify(this.seal(response.body ?? null)), response.location, this.clock.now()],
    );
  }

  /** A stored answer may carry personal data (an application names its people): kept encrypted, as a JSON string. */
  private seal(body: unknown): string {
    return this.cipher.encrypt(JSON.stringify(body), RESPONSE_CONTEXT);
  }

  private open(stored: unknown): unknown {
    return typeof stored === 'string' ? (JSON.parse(this.cipher.decrypt(stored, RESPONSE_CONTEXT)) as unknown) : stored;
  }

  /** The request failed: forget the key, so a retry runs again. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in-progress'`, [scope, key]);
  }

  async prune(): Promise<number> {
    const [, count] = (await this.dataSource.query('DELETE FROM idempotency_keys WHERE expires_at < $1', [this.clock.now()])) as [
      unknown,
      number,
    ];
    return count;
  }

  private async read(scope: string, key: string): Promise<KeyRow | undefined> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT request_hash, state, updated_at, expires_at, response_status, response_body, response_location
         FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return rows[0];
  }

  /** Only one of several takers wins: the update matches only the row as it was read. */
  private async takeOver(scope: string, key: string, requestHash: string, seen: KeyRow, now: Date, expiresAt: Date): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE idempotency_keys
          SET request_hash = $3, state = 'in-progress', response_status = NULL, response_body = NULL, response_location = NULL,
              created_at = $4, updated_at = $4, expires_at = $5
        WHERE scope = $1 AND key = $2 AND updated_at = $6 AND state = $7`,
      [scope, key, requestHash, now, expiresAt, seen.updated_at, seen.state],
    )) as [unknown, number];
    return count === 1;
  }
}

function toStored(row: KeyRow): StoredKey {
  return { requestHash: row.request_hash, state: row.state, updatedAt: row.updated_at, expiresAt: row.expires_at };
}
