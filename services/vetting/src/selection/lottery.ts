import { createHmac, randomBytes } from 'node:crypto';
import { assertDistinctApplications } from '@openday/domain';

/** Published with every draw's result and seed, so that anyone can re-run the draw. */
export const LOTTERY_ALGORITHM = `抽签算法（可复核）
1. 报名截止后、抽签时，随机生成 32 字节的种子，以 64 位十六进制数字公布。
2. 对每一份通过资格审查的报名，以种子（按十六进制还原为 32 个字节）为密钥、报名编号（UTF-8 文本）为消息，计算 HMAC-SHA256，结果写成 64 位小写十六进制数字，即该报名的“签号”。
3. 按签号从小到大排列，即为抽签顺序。
4. 按抽签顺序逐一确定：在总名额、各类别配额以内，并为普通群众保留其最低比例所需名额，符合者入选；其余按顺序进入候补名单；所属类别没有名额的不予入选并说明理由。媒体在配额之外，按顺序入选至媒体名额为止。
任何人用公布的种子和报名编号清单重新计算，都能得到同样的顺序和结果。例如计算一份报名的签号：
printf '%s' 报名编号 | openssl dgst -sha256 -mac HMAC -macopt hexkey:种子

Lottery algorithm (verifiable)
1. At the draw, after registration has closed, a random 32-byte seed is generated and published as 64 hexadecimal digits.
2. For each application that passed screening, HMAC-SHA256 is computed with the seed (decoded from hexadecimal into 32 bytes) as the key and the application id (as UTF-8 text) as the message; written as 64 lower-case hexadecimal digits, this is the application's ticket.
3. Sorting the tickets in ascending order gives the drawn order.
4. Places are then filled in the drawn order: a candidate is selected while the capacity and their category's quota allow, with the places that the minimum share of ordinary citizens needs kept for them; the others go on the waiting list in order; candidates of a category with no places are rejected with the reason. Media come outside the quota, in order, up to their own number.
Anyone who recomputes the tickets from the published seed and list of application ids gets the same order and result. For example, one application's ticket:
printf '%s' APPLICATION_ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED`;

const SEED_SHAPE = /^[0-9a-f]{64}$/;

/** 32 random bytes as 64 lower-case hexadecimal digits; generate it at the draw, never before. */
export function newLotterySeed(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The candidates in drawn order, as LOTTERY_ALGORITHM describes: ascending HMAC-SHA256 of the
 * application id keyed with the seed. A keyed hash of ids the applicants cannot choose makes the
 * order unpredictable before the seed exists, yet anyone can recompute it from the seed.
 */
export function drawLottery<T extends { applicationId: string }>(candidates: readonly T[], seed: string): T[] {
  assertDistinctApplications(candidates);
  return candidates
    .map((candidate) => ({ candidate, ticket: lotteryTicket(seed, candidate.applicationId) }))
    .sort((a, b) => compareTickets(a.ticket, b.ticket))
    .map(({ candidate }) => candidate);
}

/** An application's ticket in the draw with `seed`; publishing it lets each applicant check theirs. */
export function lotteryTicket(seed: string, applicationId: string): string {
  if (!SEED_SHAPE.test(seed)) throw new Error('A lottery seed is 64 lower-case hexadecimal digits (32 bytes)');
  return createHmac('sha256', Buffer.from(seed, 'hex')).update(applicationId, 'utf8').digest('hex');
}

function compareTickets(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
