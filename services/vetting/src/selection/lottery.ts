import { createHash, createHmac, randomBytes } from 'node:crypto';
import { assertDistinctApplications } from '@openday/domain';

/**
 * How a draw was made. 1: a seed drawn at the close (open days whose vetting copy predates
 * commitments); 2: the seed derived from a secret committed to before anyone applied and the
 * hash of the entry list. A draw keeps its recipe, so old draws still verify.
 */
export type LotteryRecipe = 1 | 2;

const FILL_PLACES_ZH =
  '按抽签顺序逐一确定：在总名额、各类别配额以内，并为普通群众保留其最低比例所需名额，符合者入选；其余按顺序进入候补名单；所属类别没有名额的不予入选并说明理由。媒体在配额之外，按顺序入选至媒体名额为止。';
const FILL_PLACES_EN =
  'Places are then filled in the drawn order: a candidate is selected while the capacity and their category’s quota allow, with the places that the minimum share of ordinary citizens needs kept for them; the others go on the waiting list in order; candidates of a category with no places are rejected with the reason. Media come outside the quota, in order, up to their own number.';

/** Recipe 1, as draws before commitments were made: the text says what the code hashes (each person's entry id). */
export const LOTTERY_ALGORITHM_V1 = `抽签算法 第1版（可复核）
1. 报名截止后、抽签时，随机生成 32 字节的种子，以 64 位小写十六进制数字公布。
2. 每一位通过资格审查的报名人是一个“签”，以其报名人编号（personId，小写 UUID 文本；一份团体报名有几人就有几个编号）标识，公布的抽签顺序列出的就是这些编号。以种子（按十六进制还原为 32 个字节）为密钥、编号（UTF-8 文本）为消息，计算 HMAC-SHA256，结果写成 64 位小写十六进制数字，即该编号的“签号”。
3. 按签号从小到大排列（签号相同时按编号从小到大），即为抽签顺序。
4. ${FILL_PLACES_ZH}
例如计算一个编号的签号：
printf '%s' 编号 | openssl dgst -sha256 -mac HMAC -macopt hexkey:种子

Lottery algorithm, recipe 1 (verifiable)
1. At the draw, after registration has closed, a random 32-byte seed is generated and published as 64 lower-case hexadecimal digits.
2. Each person who passed screening is one entry, named by their entry id: the person id (lower-case UUID text; a group application has one per person), as the published drawn order lists them. HMAC-SHA256 is computed with the seed (decoded from hexadecimal into 32 bytes) as the key and the entry id (UTF-8 text) as the message; written as 64 lower-case hexadecimal digits, this is the entry's ticket.
3. Sorting the entries by ticket, ascending (equal tickets by entry id, ascending), gives the drawn order.
4. ${FILL_PLACES_EN}
For example, one entry's ticket:
printf '%s' ENTRY_ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED`;

/** Recipe 2: commit before anyone applies, derive the seed from the secret and the entries at the close. */
export const LOTTERY_ALGORITHM_V2 = `抽签算法 第2版（先承诺后抽签，可复核）
1. 开放日发布时（报名开始前），随机生成该开放日的 32 字节密钥，立即公布其承诺值：SHA-256(密钥的 32 个字节)，64 位小写十六进制；密钥保密，抽签后公布。
2. 报名截止后，每一场次中每一位通过资格审查的报名人是一个“签”，以其报名人编号（personId，小写 UUID 文本；一份团体报名有几人就有几个编号）标识。报名清单：这些编号按字节从小到大排列（即 LC_ALL=C sort），每个编号后接一个换行符（LF），UTF-8 编码；清单摘要 = SHA-256(报名清单)。
3. 种子 = SHA-256(密钥的 32 个字节，后接清单摘要的 32 个字节)，64 位小写十六进制。任何人（包括平台）都不能在看到谁报名之后再选择种子。
4. 以种子（32 个字节）为密钥、编号（UTF-8 文本）为消息计算 HMAC-SHA256，64 位小写十六进制，即该编号的“签号”；按签号从小到大排列（签号相同时按编号从小到大），即为抽签顺序。
5. ${FILL_PLACES_ZH}
公示同时公布承诺值、密钥、清单摘要、种子和抽签顺序（即全部编号）。复核命令（“编号.txt”每行一个编号）：
printf '%s' 密钥 | xxd -r -p | sha256sum        （应等于承诺值）
LC_ALL=C sort 编号.txt | sha256sum               （应等于清单摘要）
printf '%s%s' 密钥 清单摘要 | xxd -r -p | sha256sum （应等于种子）
printf '%s' 编号 | openssl dgst -sha256 -mac HMAC -macopt hexkey:种子 （该编号的签号）

Lottery algorithm, recipe 2 (committed before anyone applies, verifiable)
1. When the open day is published, before registration opens, a random 32-byte secret is drawn for it and its commitment is published at once: SHA-256 of the secret's 32 bytes, as 64 lower-case hexadecimal digits. The secret stays hidden until the draw.
2. After registration has closed, each person of a session who passed screening is one entry, named by their entry id: the person id (lower-case UUID text; a group application has one per person). The entry list is these ids sorted by their bytes, ascending (as LC_ALL=C sort does), each followed by one line feed (LF), in UTF-8; the entry-list hash is SHA-256 of the entry list.
3. The seed is SHA-256 of the secret's 32 bytes followed by the entry-list hash's 32 bytes, as 64 lower-case hexadecimal digits. Nobody, the platform included, can choose the seed after seeing who applied.
4. Each entry's ticket is HMAC-SHA256 with the seed (32 bytes) as the key and the entry id (UTF-8 text) as the message, as 64 lower-case hexadecimal digits; sorting the entries by ticket, ascending (equal tickets by entry id, ascending), gives the drawn order.
5. ${FILL_PLACES_EN}
The public notice shows the commitment, the secret, the entry-list hash, the seed and the drawn order (every entry id). To check (ENTRIES.txt: one entry id a line):
printf '%s' SECRET | xxd -r -p | sha256sum        (equals the commitment)
LC_ALL=C sort ENTRIES.txt | sha256sum             (equals the entry-list hash)
printf '%s%s' SECRET ENTRY_LIST_HASH | xxd -r -p | sha256sum   (equals the seed)
printf '%s' ENTRY_ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED   (that entry's ticket)`;

export function lotteryAlgorithm(recipe: LotteryRecipe): string {
  return recipe === 1 ? LOTTERY_ALGORITHM_V1 : LOTTERY_ALGORITHM_V2;
}

const HEX_32_BYTES = /^[0-9a-f]{64}$/;

function bytesOf(hex: string, what: string): Buffer {
  if (!HEX_32_BYTES.test(hex)) throw new Error(`A lottery ${what} is 64 lower-case hexadecimal digits (32 bytes)`);
  return Buffer.from(hex, 'hex');
}

/** 32 random bytes as 64 lower-case hexadecimal digits: a recipe-1 seed, or a recipe-2 secret. */
export function randomLotteryBytes(): string {
  return randomBytes(32).toString('hex');
}

/** Recipe 2, step 1: what is published before anyone applies. */
export function lotteryCommitment(secret: string): string {
  return createHash('sha256').update(bytesOf(secret, 'secret')).digest('hex');
}

/** Recipe 2, step 2: the entry ids sorted by their UTF-8 bytes, each followed by a line feed. */
export function entryList(entryIds: readonly string[]): string {
  return [...entryIds]
    .sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
    .map((id) => `${id}\n`)
    .join('');
}

export function entryListHash(entryIds: readonly string[]): string {
  return createHash('sha256').update(entryList(entryIds), 'utf8').digest('hex');
}

/** Recipe 2, step 3. */
export function committedSeed(secret: string, listHash: string): string {
  return createHash('sha256').update(bytesOf(secret, 'secret')).update(bytesOf(listHash, 'entry-list hash')).digest('hex');
}

/**
 * The candidates in drawn order (both recipes' last step): ascending HMAC-SHA256 of the entry id
 * (`applicationId` holds the person id in the selection core) keyed with the seed, equal tickets
 * by entry id. A keyed hash of ids the applicants cannot choose makes the order unpredictable
 * before the seed exists, yet anyone can recompute it from the seed.
 */
export function drawLottery<T extends { applicationId: string }>(candidates: readonly T[], seed: string): T[] {
  assertDistinctApplications(candidates);
  return candidates
    .map((candidate) => ({ candidate, ticket: lotteryTicket(seed, candidate.applicationId) }))
    .sort((a, b) => byCodeUnits(a.ticket, b.ticket) || byCodeUnits(a.candidate.applicationId, b.candidate.applicationId))
    .map(({ candidate }) => candidate);
}

/** An entry's ticket in the draw with `seed`; publishing it lets each applicant check theirs. */
export function lotteryTicket(seed: string, entryId: string): string {
  return createHmac('sha256', bytesOf(seed, 'seed')).update(entryId, 'utf8').digest('hex');
}

function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
