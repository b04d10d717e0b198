/**
 * The published lottery recipes, re-run in the browser with Web Crypto: nothing is sent to the
 * platform, so the check does not depend on trusting it. Recipe 1 draws from a published seed;
 * recipe 2 first checks the revealed secret against the commitment published before anyone
 * applied, then derives the seed from the secret and the hash of the entry list.
 */

/** Entry ids as people paste them: one a line, or separated by commas or spaces. */
export function parseIdList(text: string): string[] {
  return text
    .split(/[\s,，;；]+/)
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
}

const HEX_32_BYTES = /^[0-9a-f]{64}$/;

/** A seed, secret, commitment or hash as published (64 lower-case hex digits), or undefined when it is not one. */
export function normalizedHex(text: string): string | undefined {
  const hex = text.trim().toLowerCase();
  return HEX_32_BYTES.test(hex) ? hex : undefined;
}

export type DrawCheck =
  | { outcome: 'matches' }
  | { outcome: 'differs'; firstDifference: number }
  | { outcome: 'no-published' };

/** Whether the re-run draw gives exactly the published order; where they first differ (1-based) when not. */
export function checkDraw(published: readonly string[], drawn: readonly string[]): DrawCheck {
  if (published.length === 0) return { outcome: 'no-published' };
  const length = Math.max(published.length, drawn.length);
  for (let i = 0; i < length; i += 1) {
    if (published[i]?.toLowerCase() !== drawn[i]?.toLowerCase()) return { outcome: 'differs', firstDifference: i + 1 };
  }
  return { outcome: 'matches' };
}

const utf8 = new TextEncoder();

function bytesOfHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function hexOf(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hexOf(await crypto.subtle.digest('SHA-256', bytes));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Recipe 2, step 1: SHA-256 of the secret's 32 bytes. */
export function commitmentOf(secret: string): Promise<string> {
  return sha256(bytesOfHex(secret));
}

/** Recipe 2, step 2: the entry ids sorted by their UTF-8 bytes, each followed by a line feed. */
export function entryList(entryIds: readonly string[]): string {
  return entryIds
    .map((id) => ({ id, bytes: utf8.encode(id) }))
    .sort((a, b) => compareBytes(a.bytes, b.bytes))
    .map(({ id }) => `${id}\n`)
    .join('');
}

export function entryListHashOf(entryIds: readonly string[]): Promise<string> {
  return sha256(utf8.encode(entryList(entryIds)));
}

/** Recipe 2, step 3: SHA-256 of the secret's 32 bytes followed by the entry-list hash's 32 bytes. */
export function seedOf(secret: string, listHash: string): Promise<string> {
  return sha256(bytesOfHex(secret + listHash));
}

/** The last step of both recipes: each entry's ticket, HMAC-SHA256 keyed with the seed, ascending (equal tickets by entry id). */
export async function drawOf(seed: string, entryIds: readonly string[]): Promise<Array<{ entryId: string; ticket: string }>> {
  const key = await crypto.subtle.importKey('raw', bytesOfHex(seed), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const tickets = await Promise.all(entryIds.map(async (entryId) => ({ entryId, ticket: hexOf(await crypto.subtle.sign('HMAC', key, utf8.encode(entryId))) })));
  return tickets.sort((a, b) => (a.ticket === b.ticket ? (a.entryId < b.entryId ? -1 : 1) : a.ticket < b.ticket ? -1 : 1));
}

/** What a reader pasted from the public notice; recipe 2 when a secret is given. */
export interface PublishedLottery {
  commitment?: string;
  secret?: string;
  entryListHash?: string;
  seed?: string;
  entryIds: readonly string[];
  publishedOrder: readonly string[];
}

/** One check of the re-run: what was recomputed, and whether it equals what was published (`not-given` when nothing was). */
export interface RecomputedValue {
  computed: string;
  outcome: 'matches' | 'differs' | 'not-given';
}

export interface DrawVerification {
  recipe: 1 | 2;
  commitment?: RecomputedValue;
  entryListHash?: RecomputedValue;
  seed?: RecomputedValue;
  drawn: Array<{ entryId: string; ticket: string }>;
  order: DrawCheck;
}

function compared(computed: string, published: string | undefined): RecomputedValue {
  return { computed, outcome: published === undefined ? 'not-given' : published === computed ? 'matches' : 'differs' };
}

/**
 * Re-runs a published draw. With a secret (recipe 2): its commitment, the entry-list hash and
 * the seed are recomputed and compared with the published ones, and the draw uses the
 * recomputed seed; without (recipe 1): the draw uses the published seed, which is then required.
 */
export async function verifyDraw(published: PublishedLottery): Promise<DrawVerification> {
  if (published.secret === undefined) {
    if (published.seed === undefined) throw new Error('Recipe 1 needs the published seed');
    const drawn = await drawOf(published.seed, published.entryIds);
    return { recipe: 1, drawn, order: checkDraw(published.publishedOrder, drawn.map((entry) => entry.entryId)) };
  }
  const commitment = compared(await commitmentOf(published.secret), published.commitment);
  const listHash = await entryListHashOf(published.entryIds);
  const seed = await seedOf(published.secret, listHash);
  const drawn = await drawOf(seed, published.entryIds);
  return {
    recipe: 2,
    commitment,
    entryListHash: compared(listHash, published.entryListHash),
    seed: compared(seed, published.seed),
    drawn,
    order: checkDraw(published.publishedOrder, drawn.map((entry) => entry.entryId)),
  };
}
