import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm) with OWASP's minimum
 * parameters: 19 MiB of memory, 2 passes, 1 lane.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Spends the time of a real check when the username is unknown, so timing does not tell which usernames exist. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('openday-no-such-account');
  await verifyPassword(await dummy, password);
  return false;
}
